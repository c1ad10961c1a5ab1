import type { LocalizedText, Thresholds } from '@formboard/schema';
import type { ColorName } from './colors.ts';

/** The band a value falls in. */
export interface Band {
  readonly color: ColorName;
  readonly label?: LocalizedText;
}

/**
 * The band of a value: the last one whose `from` it reaches (none below the first). With basis
 * "targetRatio" the value compared is value ÷ target, and there is no band without a target.
 */
export function bandFor(
  thresholds: Thresholds | undefined,
  value: number | null,
  target: number | null,
): Band | undefined {
  if (!thresholds || value === null) return undefined;
  let compared = value;
  if (thresholds.basis === 'targetRatio') {
    if (target === null || target === 0) return undefined;
    compared = value / target;
  }
  let found: Band | undefined;
  for (const band of thresholds.bands) {
    if (compared >= band.from)
      found = band.label === undefined ? { color: band.color } : { color: band.color, label: band.label };
  }
  return found;
}

/** Progress bands used when a gap board defines none: behind below 80 %, close below 100 %, on target. */
export const DEFAULT_PROGRESS_THRESHOLDS: Thresholds = {
  basis: 'targetRatio',
  higherIsBetter: true,
  bands: [
    { from: Number.NEGATIVE_INFINITY, color: 'red' },
    { from: 0.8, color: 'yellow' },
    { from: 1, color: 'green' },
  ],
};
