import { defineProject } from 'vitest/config';

// Component tests in jsdom; the Chromium journeys in e2e/ run with Playwright (`pnpm e2e`).
export default defineProject({
  test: {
    name: 'studio',
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 20000,
  },
});
