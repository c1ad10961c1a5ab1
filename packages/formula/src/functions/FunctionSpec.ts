import type { EvalContext } from '../context.ts';
import type { LocalizedMessage } from '../messages.ts';
import type { FormulaType } from '../types.ts';
import type { Value } from '../values.ts';

/**
 * What an argument position accepts, for the type checker:
 * - number / boolean / date / string: a scalar coercible to that type (blank and `any` always pass);
 * - scalar: any single value; values: anything, arrays included;
 * - numbers: numbers or arrays of numbers (SUM's arguments); array: an array (a scalar is a 1-item array).
 */
export type ParamKind = 'number' | 'boolean' | 'date' | 'string' | 'scalar' | 'values' | 'numbers' | 'array';

/** A documented, tested example: evaluating `formula` over `data` gives `result`. */
export interface FunctionExample {
  readonly formula: string;
  /** Expected result as JSON: dates as ISO text, errors as their code ("#DIV/0!"). */
  readonly result: unknown;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** One compiled argument, evaluated only when the function asks (IF evaluates just the branch it takes). */
export type Thunk = (ctx: EvalContext) => Value;

interface FunctionImplBase {
  /** Upper-case name: SUM, IF… */
  readonly name: string;
  readonly category: 'logic' | 'math' | 'text' | 'date' | 'array' | 'lookup' | 'info';
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Kind of each parameter; the last one repeats for variadic functions. */
  readonly params: readonly ParamKind[];
  /** Static result type, possibly from the argument types. */
  readonly returns: FormulaType | ((args: readonly FormulaType[]) => FormulaType);
}

/** A function that receives its evaluated arguments. */
export interface EagerFunctionImpl extends FunctionImplBase {
  readonly call: (args: readonly Value[], ctx: EvalContext) => Value;
}

/** A function that decides which arguments to evaluate (IF, IFERROR, AND…). */
export interface LazyFunctionImpl extends FunctionImplBase {
  readonly lazy: (args: readonly Thunk[], ctx: EvalContext) => Value;
}

/**
 * What checking and evaluating a built-in function needs: its signature and implementation. Kept apart
 * from its documentation (docs/), so a form page that only evaluates formulas does not carry the
 * zh-CN/en descriptions and examples of 113 functions.
 */
export type FunctionImpl = EagerFunctionImpl | LazyFunctionImpl;

/** Finds a function by its upper-case name: what `compileWith` calls the functions it may use. */
export type FunctionLookup = (name: string) => FunctionImpl | undefined;

/** A built-in function's documentation: its signature as shown, description and tested examples. */
export interface FunctionDoc {
  /** Signature as shown in docs: "ROUND(number, digits)". */
  readonly syntax: string;
  readonly description: LocalizedMessage;
  readonly examples: readonly FunctionExample[];
}

/** Documentation of a group of functions, by name. */
export type FunctionDocs = Readonly<Record<string, FunctionDoc>>;

/** A built-in formula function: its signature, docs, examples and implementation. */
export type FunctionSpec = FunctionImpl & FunctionDoc;
