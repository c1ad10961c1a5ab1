import { defineProject } from 'vitest/config';

// The headless core runs in node; React tests opt into jsdom per file with `// @vitest-environment jsdom`.
// The setup file adds jest-dom matchers and cleanup there.
export default defineProject({
  test: {
    name: 'designer',
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    // The first test of a file compiles the definition schemas (ajv), ~1 s on a shared machine.
    testTimeout: 20000,
  },
});
