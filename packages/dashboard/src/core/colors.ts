import type { COLORS } from '@formboard/schema';

/** A named colour of the definition language. */
export type ColorName = (typeof COLORS)[number];

/** The shade each named colour is drawn with (contrast ≥ 3:1 on white for bars and text badges). */
export const COLOR_HEX: Readonly<Record<ColorName, string>> = {
  red: '#d92d20',
  orange: '#e8590c',
  yellow: '#b08800',
  green: '#2b8a3e',
  teal: '#0c8599',
  blue: '#1c6fd1',
  purple: '#7048e8',
  gray: '#6b7280',
};

/** Series colours in order, for charts whose series are not coloured by thresholds. */
export const SERIES_COLORS: readonly string[] = [
  COLOR_HEX.blue,
  COLOR_HEX.teal,
  COLOR_HEX.orange,
  COLOR_HEX.purple,
  COLOR_HEX.green,
  COLOR_HEX.red,
];

/** The colour of values no threshold band reaches. */
export const NEUTRAL = '#495057';
