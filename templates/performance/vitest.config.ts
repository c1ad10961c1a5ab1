import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'template-performance',
    environment: 'node',
  },
});
