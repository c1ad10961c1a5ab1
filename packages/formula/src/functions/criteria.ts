import { toText } from '../coerce.ts';
import { COMPARISONS, compareScalars } from '../compare.ts';
import type { EvalContext } from '../context.ts';
import { parseDateText } from '../dates.ts';
import { FormulaDate, FormulaError, type Scalar } from '../values.ts';
import { foldedChars, parseWildcard, wildcardEquals } from './wildcard.ts';

/** A COUNTIF-style test of one value. */
export type Criterion = (value: Scalar) => boolean;

const OPERATORS = ['<>', '<=', '>=', '=', '<', '>'] as const;
const NUMERIC = /^\s*[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

/**
 * Builds the test described by an Excel criteria argument: 5, TRUE, ">=3", "<>已完成", "A*", "", "<>".
 * Text matches case-insensitively with * and ? wildcards (~ escapes them); numbers match numbers.
 */
export function parseCriterion(criteria: Scalar, ctx: EvalContext): Criterion | FormulaError {
  const timeZone = ctx.timeZone;
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
    const pattern = parseWildcard(target);
    return (value) => {
      const text = value === null || value instanceof FormulaError ? '' : toText(value);
      const matches =
        typeof text === 'string' && value !== null && wildcardEquals(foldedChars(text), pattern, ctx);
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
          ? value instanceof FormulaDate ||
            (typeof value === 'string' && parseDateText(value, timeZone) !== null)
          : typeof value === 'string';
    if (!sameKind) return relation === '<>';
    return COMPARISONS[relation](compareScalars(value, target, timeZone));
  };
}
