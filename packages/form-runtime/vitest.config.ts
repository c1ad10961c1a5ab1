import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'form-runtime', environment: 'node' },
});
