import { toText } from '../coerce.ts';
import { compareScalars } from '../compare.ts';
import { parseDateText } from '../dates.ts';
import { FormulaDate, FormulaError, type Scalar } from '../values.ts';

/** A COUNTIF-style test of one value. */
export type Criterion = (value: Scalar) => boolean;

const OPERATORS = ['<>', '<=', '>=', '=', '<', '>'] as const;
const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Builds the test described by an Excel criteria argument: 5, TRUE, ">=3", "<>已完成", "A*", "", "<>".
 * Text matches case-insensitively with * and ? wildcards (~ escapes them); numbers match numbers.
 */
export function parseCriterion(criteria: Scalar, timeZone: string): Criterion | FormulaError {
  if (criteria instanceof FormulaError) return criteria;
  if (typeof criteria !== 'string') {
    return (value) => value !== null && compareScalars(value, criteria, timeZone) === 0;
  }
  const op = OPERATORS.find((o) => criteria.startsWith(o));
  const operand = op ? criteria.slice(op.length) : criteria;
  if (operand === '') {
    // "" and "=" match blanks; "<>" matches anything filled in.
    const blank = (value: Scalar): boolean => value === null || value === '';
    return op === '<>' ? (value) => !blank(value) : blank;
  }
  const target: Scalar = NUMERIC.test(operand)
    ? Number(operand)
    : (parseDateText(operand, timeZone) ?? operand);
  const relation = op ?? '=';
  if (typeof target === 'string' && (relation === '=' || relation === '<>')) {
    return (value) => {
      const text = value === null || value instanceof FormulaError ? '' : toText(value);
      const matches = typeof text === 'string' && value !== null && wildcardMatch(target, text);
      return relation === '=' ? matches : !matches;
    };
  }
  return (value) => {
    if (value === null || value instanceof FormulaError) return relation === '<>';
    // Numbers only compare with numbers, dates with dates, text with text.
    const sameKind =
      typeof target === 'number'
        ? typeof value === 'number'
        : target instanceof FormulaDate
          ? value instanceof FormulaDate
          : typeof value === 'string';
    if (!sameKind) return relation === '<>';
    const c = compareScalars(value, target, timeZone);
    switch (relation) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '<=':
        return c <= 0;
      case '>':
        return c > 0;
      default:
        return c >= 0;
    }
  };
}

/** Case-insensitive match of `text` against an Excel wildcard pattern (* any run, ? one char, ~ escapes). */
export function wildcardMatch(pattern: string, text: string): boolean {
  const p = [...pattern.toLowerCase()];
  const t = [...text.toLowerCase()];
  // Iterative glob matching with backtracking to the last star: linear-ish, no RegExp from user text.
  let pi = 0;
  let ti = 0;
  let starP = -1;
  let starT = 0;
  while (ti < t.length) {
    const escaped = p[pi] === '~' && (p[pi + 1] === '*' || p[pi + 1] === '?' || p[pi + 1] === '~');
    const ch = escaped ? p[pi + 1] : p[pi];
    if (!escaped && ch === '*') {
      starP = pi;
      starT = ti;
      pi += 1;
    } else if (ch !== undefined && ((!escaped && ch === '?') || ch === t[ti])) {
      pi += escaped ? 2 : 1;
      ti += 1;
    } else if (starP >= 0) {
      pi = starP + 1;
      starT += 1;
      ti = starT;
    } else {
      return false;
    }
  }
  while (p[pi] === '*') pi += 1;
  return pi === p.length;
}
