import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'workflow',
    environment: 'node',
    // The storage package's throwaway PostgreSQL cluster, for tests that run the engine on both stores.
    globalSetup: ['../storage/tests/support/postgresGlobalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
