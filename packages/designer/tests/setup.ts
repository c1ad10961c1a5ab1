import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

// React tests run in jsdom; engine tests in node have no document to clean up.
if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
