import type { Node } from './ast.ts';
import { type CheckOptions, checkSource, fieldTypeTable } from './check.ts';
import { type CompiledFormula, compile } from './compile.ts';
import { dependencies } from './dependencies.ts';
import type { FormulaIssue } from './FormulaIssue.ts';
import { FormulaSyntaxError } from './FormulaSyntaxError.ts';
import { parse } from './parse.ts';
import type { FormulaType } from './types.ts';

/** A formula that parsed and type-checked: ready to evaluate. */
export interface PreparedFormula {
  readonly ok: true;
  readonly compiled: CompiledFormula;
  readonly type: FormulaType;
  readonly dependencies: readonly string[];
}

/** A formula with problems: every issue with its position and zh-CN/en message. */
export interface RejectedFormula {
  readonly ok: false;
  readonly issues: readonly FormulaIssue[];
}

/** A formula that parsed and type-checked (not compiled): its type and what it reads. */
export interface AnalyzedFormula {
  readonly ok: true;
  readonly ast: Node;
  readonly type: FormulaType;
  readonly dependencies: readonly string[];
}

/**
 * An analysis that works out `dependencies` on first read (a getter, so a copy made with `{ ...analysis }`
 * has none): most formulas a validator checks (rules, validations) never need them, and walking the
 * tree for them cost about as much as checking its types.
 */
class Analysis implements AnalyzedFormula {
  readonly ok = true;
  #reads: readonly string[] | undefined;

  constructor(
    readonly ast: Node,
    readonly type: FormulaType,
  ) {}

  get dependencies(): readonly string[] {
    this.#reads ??= dependencies(this.ast);
    return this.#reads;
  }
}

/**
 * Parse and check without compiling, for validators that never evaluate. Never throws. The result's
 * `dependencies` are found when first read.
 */
export function analyzeFormula(
  source: string,
  options: Omit<CheckOptions, 'source'> = {},
): AnalyzedFormula | RejectedFormula {
  let ast: Node;
  try {
    ast = parse(source);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return { ok: false, issues: [error] };
    throw error;
  }
  const { type, issues } = checkSource(ast, options, source);
  if (issues.length > 0) return { ok: false, issues };
  return new Analysis(ast, type);
}

/**
 * Parse, check and compile in one step, for boundaries that load formulas from definitions:
 * never throws, returns either a ready formula or the list of issues.
 */
export function prepareFormula(
  source: string,
  options: Omit<CheckOptions, 'source'> = {},
): PreparedFormula | RejectedFormula {
  const analyzed = analyzeFormula(source, options);
  if (!analyzed.ok) return analyzed;
  const compileOptions = options.fields ? { fields: fieldTypeTable(options.fields) } : {};
  return {
    ok: true,
    compiled: compile(analyzed.ast, compileOptions),
    type: analyzed.type,
    dependencies: analyzed.dependencies,
  };
}
