import { finite } from '../coerce.ts';
import { T } from '../types.ts';
import { FormulaError, formulaError, type Value } from '../values.ts';
import { integerArg, numberArg } from './args.ts';
import type { FunctionImpl } from './FunctionSpec.ts';
import { functionError } from './functionMessages.ts';

// Excel rounds the decimal it shows, not the binary double: 2.675 is stored as 2.67499999…, yet
// ROUND(2.675, 2) is 2.68. Cleaning the scaled value to 15 significant digits reproduces that.
function scaled(n: number, digits: number): number {
  return Number.parseFloat((n * 10 ** digits).toPrecision(15));
}

function roundWith(mode: (x: number) => number, n: number, digits: number): number {
  const sign = n < 0 ? -1 : 1;
  return (sign * mode(scaled(Math.abs(n), digits))) / 10 ** digits;
}

// Multiple rounding for CEILING/FLOOR, with the same 15-digit cleaning of the quotient.
function toMultiple(mode: (x: number) => number, n: number, significance: number): number {
  const quotient = Number.parseFloat((n / significance).toPrecision(15));
  return Number.parseFloat((mode(quotient) * significance).toPrecision(15));
}

/** A function of numbers: arguments are coerced to numbers, the first error wins, the result must be finite. */
function numeric(
  name: string,
  minArgs: number,
  maxArgs: number,
  fn: (...n: number[]) => Value,
): FunctionImpl {
  return {
    name,
    category: 'math',
    minArgs,
    maxArgs,
    params: ['number'],
    returns: T.number,
    call: (args) => {
      const numbers: number[] = [];
      for (const arg of args) {
        const n = numberArg(arg);
        if (n instanceof FormulaError) return n;
        numbers.push(n);
      }
      const result = fn(...numbers);
      return typeof result === 'number' ? finite(result) : result;
    },
  };
}

const numError = (name: string, reason: string): FormulaError =>
  functionError('#NUM!', 'badArgument', { name, reason });

function rounding(name: string, mode: (x: number) => number): FunctionImpl {
  return {
    name,
    category: 'math',
    minArgs: 1,
    maxArgs: 2,
    params: ['number', 'number'],
    returns: T.number,
    call: ([value, digitsArg]) => {
      const n = numberArg(value);
      if (n instanceof FormulaError) return n;
      const digits = integerArg(digitsArg ?? 0);
      if (digits instanceof FormulaError) return digits;
      if (Math.abs(digits) > 15) return numError(name, 'digits must be between -15 and 15');
      return finite(roundWith(mode, n, digits));
    },
  };
}

export const mathFunctions: readonly FunctionImpl[] = [
  rounding('ROUND', Math.round),
  rounding('ROUNDUP', Math.ceil),
  rounding('ROUNDDOWN', Math.floor),
  numeric('ABS', 1, 1, Math.abs),
  numeric('INT', 1, 1, Math.floor),
  numeric('TRUNC', 1, 2, (n, d = 0) => roundWith(Math.floor, n, Math.trunc(d))),
  numeric('SIGN', 1, 1, Math.sign),
  numeric('MOD', 2, 2, (n, d) => (d === 0 ? formulaError('#DIV/0!', 'divZero') : n - d * Math.floor(n / d))),
  numeric('POWER', 2, 2, (n, p) => (n === 0 && p < 0 ? formulaError('#DIV/0!', 'divZero') : n ** p)),
  numeric('SQRT', 1, 1, (n) => (n < 0 ? numError('SQRT', 'negative number') : Math.sqrt(n))),
  numeric('EXP', 1, 1, Math.exp),
  numeric('LN', 1, 1, (n) => (n <= 0 ? numError('LN', 'number must be positive') : Math.log(n))),
  numeric('LOG', 1, 2, (n, base = 10) =>
    n <= 0 || base <= 0 || base === 1
      ? numError('LOG', 'number and base must be positive, base not 1')
      : Math.log(n) / Math.log(base),
  ),
  numeric('LOG10', 1, 1, (n) => (n <= 0 ? numError('LOG10', 'number must be positive') : Math.log10(n))),
  numeric('PI', 0, 0, () => Math.PI),
  numeric('CEILING', 1, 2, (n, sig = 1) =>
    sig === 0 ? 0 : n > 0 && sig < 0 ? numError('CEILING', 'signs differ') : toMultiple(Math.ceil, n, sig),
  ),
  numeric('FLOOR', 1, 2, (n, sig = 1) =>
    sig === 0
      ? formulaError('#DIV/0!', 'divZero')
      : n > 0 && sig < 0
        ? numError('FLOOR', 'signs differ')
        : toMultiple(Math.floor, n, sig),
  ),
  numeric('CLAMP', 3, 3, (n, lo, hi) =>
    lo > hi ? numError('CLAMP', 'min is greater than max') : Math.min(Math.max(n, lo), hi),
  ),
];
