import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'server',
    environment: 'node',
    // The same throwaway PostgreSQL cluster the storage tests use: the API runs on both stores for real.
    globalSetup: ['../../packages/storage/tests/support/postgresGlobalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
