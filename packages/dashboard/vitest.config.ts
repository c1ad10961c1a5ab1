import { defineProject } from 'vitest/config';

// Widgets render in jsdom (echarts draws with its SVG renderer there); the setup adds jest-dom matchers.
export default defineProject({
  test: {
    name: 'dashboard',
    environment: 'jsdom',
    setupFiles: ['./tests/setup.ts'],
    testTimeout: 20000,
  },
});
