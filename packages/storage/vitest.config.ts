import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'storage',
    environment: 'node',
    // A private PostgreSQL cluster for the run: the conformance suite runs against it for real.
    globalSetup: ['./tests/support/postgresGlobalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
