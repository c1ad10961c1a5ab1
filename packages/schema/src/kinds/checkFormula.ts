import {
  analyzeFormula,
  type CheckOptions,
  type FormulaType,
  type LocalizedMessage,
  type RejectedFormula,
  type TypeName,
  typeName,
} from '@formboard/formula';
import type { Report } from '../validate/issues.ts';

/** Context variables every definition's formulas may read. */
export const FORMULA_VARIABLES: Readonly<Record<string, TypeName>> = {
  '$user.id': 'string',
  '$user.name': 'string',
  '$user.orgUnit': 'string',
  '$record.id': 'string',
  '$record.createdAt': 'date',
  '$record.updatedAt': 'date',
};

/** What the checks take from a formula that parsed and type-checked: its type and what it reads. */
export interface FormulaFacts {
  readonly ok: true;
  readonly type: FormulaType;
  readonly dependencies: readonly string[];
}

/**
 * Parses and type-checks one formula of a definition, reporting its problems at `at`.
 * Returns the formula's type and what it reads, or undefined when it has problems.
 */
export function checkFormula(
  source: string,
  at: string,
  fields: NonNullable<CheckOptions['fields']>,
  report: Report,
): FormulaFacts | undefined {
  return reportAnalysis(analyzeFormula(source, { fields, variables: FORMULA_VARIABLES }), source, at, report);
}

/**
 * Reports the problems of an analyzed formula at `at`; the analysis (its type, and its reads, which
 * `analyzeFormula` finds when first asked for) when it has none.
 */
export function reportAnalysis(
  result: FormulaFacts | RejectedFormula,
  source: string,
  at: string,
  report: Report,
): FormulaFacts | undefined {
  if (!result.ok) {
    for (const issue of result.issues) report(at, `formula.${issue.code}`, issue.messages, source);
    return undefined;
  }
  return result;
}

/** Reports a formula whose result cannot be a logical value (rules and validations need TRUE/FALSE). */
export function expectLogical(type: FormulaType, source: string, at: string, report: Report): void {
  const problem = notLogical(type);
  if (problem) report(at, 'formula.notLogical', problem, source);
}

/**
 * Why a rule's or validation's formula of this type cannot decide TRUE/FALSE, or undefined when it
 * can (the designer's formula editor says the same as validation).
 */
export function notLogical(type: FormulaType): LocalizedMessage | undefined {
  const kind = type.kind === 'array' ? 'array' : type.kind;
  if (kind === 'boolean' || kind === 'any' || kind === 'blank') return undefined;
  return {
    'zh-CN': `公式应返回 TRUE 或 FALSE，实际返回${typeName(type)}`,
    en: `the formula should give TRUE or FALSE, not ${typeName(type)}`,
  };
}
