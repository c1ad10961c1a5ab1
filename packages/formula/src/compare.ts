import { parseDateText } from './dates.ts';
import { FormulaDate, type Scalar } from './values.ts';

// Excel orders mixed types: numbers < dates < text < logical values.
function rank(v: Scalar): number {
  if (typeof v === 'number') return 0;
  if (v instanceof FormulaDate) return 1;
  if (typeof v === 'string') return 2;
  return 3;
}

/** Loose float equality, as Excel compares to 15 significant digits: 0.1 + 0.2 = 0.3 is TRUE. */
function numbersEqual(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
}

function compareText(a: string, b: string): number {
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
    if (typeof a === 'number') return numbersEqual(a, 0) ? 0 : Math.sign(a);
    if (typeof a === 'string') return a === '' ? 0 : 1;
    if (typeof a === 'boolean') return a ? 1 : 0;
    return 1;
  }
  if (typeof a === 'number' && typeof b === 'number') return numbersEqual(a, b) ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (a instanceof FormulaDate || b instanceof FormulaDate) {
    const x = a instanceof FormulaDate ? a : typeof a === 'string' ? parseDateText(a, timeZone) : null;
    const y = b instanceof FormulaDate ? b : typeof b === 'string' ? parseDateText(b, timeZone) : null;
    if (x && y) return x.ms === y.ms ? 0 : x.ms < y.ms ? -1 : 1;
  }
  return rank(a) - rank(b);
}
