import { parseDateText } from './dates.ts';
import { FormulaDate, type Scalar } from './values.ts';

// Excel orders mixed types: numbers < dates < text < logical values.
function rank(v: Scalar): number {
  if (typeof v === 'number') return 0;
  if (v instanceof FormulaDate) return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

/** Compares numbers with loose equality, as Excel compares to 15 significant digits: 0.1 + 0.2 = 0.3. */
export function compareNumbers(a: number, b: number): number {
  if (a === b || Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b))) return 0;
  return a < b ? -1 : 1;
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x === y ? 0 : x < y ? -1 : 1;
}

/**
 * Compares two non-error scalars the way Excel does: text case-insensitively, blank as 0 / "" / FALSE
 * depending on the other side, date text against dates as a date. Returns <0, 0 or >0.
 */
export function compareScalars(a: Scalar, b: Scalar, timeZone: string): number {
  if (a === null && b === null) return 0;
  if (a === null) return -compareScalars(b, null, timeZone);
  if (b === null) {
    if (typeof a === 'number') return compareNumbers(a, 0);
    if (typeof a === 'string') return a === '' ? 0 : 1;
    if (typeof a === 'boolean') return a ? 1 : 0;
    return 1;
  }
  if (typeof a === 'number' && typeof b === 'number') return compareNumbers(a, b);
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof FormulaDate || b instanceof FormulaDate) {
    const x = a instanceof FormulaDate ? a : typeof a === 'string' ? parseDateText(a, timeZone) : null;
    const y = b instanceof FormulaDate ? b : typeof b === 'string' ? parseDateText(b, timeZone) : null;
    if (x && y) return x.ms === y.ms ? 0 : x.ms < y.ms ? -1 : 1;
  }
  return rank(a) - rank(b);
}

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Each comparison operator as a test of a compare result (<0, 0, >0). */
export const COMPARISONS: Readonly<Record<ComparisonOperator, (c: number) => boolean>> = {
  '=': (c) => c === 0,
  '<>': (c) => c !== 0,
  '<': (c) => c < 0,
  '<=': (c) => c <= 0,
  '>': (c) => c > 0,
  '>=': (c) => c >= 0,
};
