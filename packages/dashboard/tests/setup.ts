import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// jsdom has no canvas; echarts then estimates text widths itself instead of measuring them.
HTMLCanvasElement.prototype.getContext = () => null;

afterEach(() => cleanup());
