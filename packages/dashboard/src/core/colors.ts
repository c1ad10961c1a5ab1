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

/**
 * The shade each named colour is written with as small text (band labels): darker, so it keeps the
 * 4.5:1 contrast on white that WCAG AA asks of text (the drawing shades above only reach 3:1).
 */
export const TEXT_HEX: Readonly<Record<ColorName, string>> = {
  red: '#b42318',
  orange: '#b54708',
  yellow: '#8a6100',
  green: '#1e7a34',
  teal: '#0b6e7e',
  blue: '#175cd3',
  purple: '#5925dc',
  gray: '#4b5563',
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

/** The colour of the i-th series or category, cycling through SERIES_COLORS. */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] ?? NEUTRAL;
}

/** The unfilled part of gauges and progress bars. */
export const TRACK = '#e9ecef';
