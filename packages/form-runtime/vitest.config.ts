import { defineProject } from 'vitest/config';

// Engine tests run in node. React tests opt into jsdom per file with `// @vitest-environment jsdom`
// (Vitest 4 removed environmentMatchGlobs); the setup file adds jest-dom matchers and cleanup there.
export default defineProject({
  test: {
    name: 'form-runtime',
    environment: 'node',
    setupFiles: ['./tests/react/setup.ts'],
    // Role queries over whole forms are slow in jsdom; a cold first test also compiles the schemas.
    testTimeout: 20000,
  },
});
