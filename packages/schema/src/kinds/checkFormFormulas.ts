import {
  analyzeFormula,
  createDependencyGraph,
  type DependencyMap,
  type FormulaType,
  typeName,
} from '@formboard/formula';
import { type FieldIndex, qualifyDependency, tableOf } from '../fields/fieldIndex.ts';
import { type FieldScope, recordScope, rowScope } from '../fields/fieldScope.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { Report } from '../validate/issues.ts';
import { expectLogical, FORMULA_VARIABLES, reportAnalysis } from './checkFormula.ts';
import type { FormCheckMemo, FormulaAnalysis } from './FormCheckMemo.ts';

// The formula parts of a form's meaning checks: rules, computed fields (with cycles) and validations.

/** Checks formulas against a form's fields, one scope per table, through the memo when there is one. */
export class FormulaChecks {
  readonly record: FieldScope;
  readonly shape: object;
  private readonly rows = new Map<string, FieldScope>();

  constructor(
    readonly index: FieldIndex,
    private readonly memo: FormCheckMemo | undefined,
  ) {
    this.record = recordScope(index);
    this.shape = memo ? memo.shapeOf(index) : {};
  }

  /** What a formula computing or guarding `target` sees: the record, plus its row for a table column. */
  scopeFor(target: string): FieldScope {
    const table = tableOf(target);
    if (table === undefined) return this.record;
    let scope = this.rows.get(table);
    if (!scope) {
      scope = rowScope(this.index, table, this.record);
      this.rows.set(table, scope);
    }
    return scope;
  }

  /** The cycles among computed fields. */
  cyclesOf(map: DependencyMap): readonly (readonly string[])[] {
    return this.memo ? this.memo.cyclesOf(map) : createDependencyGraph(map).cycles;
  }

  /** Analyzes a formula and reports its problems at `at`; its type and reads when it has none. */
  check(source: string, at: string, scope: FieldScope, report: Report) {
    const analysis: FormulaAnalysis = this.memo
      ? this.memo.analyze(source, scope, this.shape)
      : analyzeFormula(source, { fields: scope, variables: FORMULA_VARIABLES });
    return reportAnalysis(analysis, source, at, report);
  }
}

/** The formulas of a rule that decide TRUE or FALSE. */
const RULE_FORMULAS = ['visible', 'required', 'readOnly'] as const;

/** Rules: known targets, one rule per target, logical formulas. */
export function checkRules(form: FormDefinition, checks: FormulaChecks, report: Report): void {
  const ruleTargets = new Set<string>();
  (form.rules ?? []).forEach((rule, i) => {
    const at = `/rules/${i}`;
    if (!checks.index.fields.has(rule.target)) unknownPath(rule.target, `${at}/target`, report);
    if (ruleTargets.has(rule.target)) {
      report(
        `${at}/target`,
        'form.duplicateRule',
        {
          'zh-CN': `${rule.target} 已有规则，请合并到一条`,
          en: `${rule.target} already has a rule; merge them into one`,
        },
        rule.target,
      );
    }
    ruleTargets.add(rule.target);
    for (const key of RULE_FORMULAS) {
      const source = rule[key];
      if (source === undefined) continue;
      const checked = checks.check(source, `${at}/${key}`, checks.scopeFor(rule.target), report);
      if (checked) expectLogical(checked.type, source, `${at}/${key}`, report);
    }
    // The value a new record starts with: a formula of the target's type, read once.
    if (rule.initial !== undefined) {
      const target = checks.index.fields.get(rule.target);
      const checked = checks.check(rule.initial, `${at}/initial`, checks.scopeFor(rule.target), report);
      if (checked && target && target.kind !== 'table' && target.kind !== 'group')
        checkResultType(
          { target: rule.target, formula: rule.initial },
          target,
          checked.type,
          at,
          report,
          'initial',
        );
    }
  });
}

/** Computed fields: scalar known targets computed once, fitting result types, no cycles. */
export function checkComputed(form: FormDefinition, checks: FormulaChecks, report: Report): void {
  const { index } = checks;
  const dependencyMap: Record<string, readonly string[]> = {};
  const computedAt = new Map<string, string>();
  (form.computed ?? []).forEach((entry, i) => {
    const at = `/computed/${i}`;
    const target = index.fields.get(entry.target);
    if (!target) unknownPath(entry.target, `${at}/target`, report);
    else if (target.kind === 'table' || target.kind === 'group') {
      report(
        `${at}/target`,
        'form.computedNotScalar',
        {
          'zh-CN': `${entry.target} 是表格或分组，不能由公式计算`,
          en: `${entry.target} is a table or group and cannot be computed`,
        },
        entry.target,
      );
    }
    if (computedAt.has(entry.target)) {
      report(
        `${at}/target`,
        'form.duplicateComputed',
        {
          'zh-CN': `${entry.target} 已由另一个公式计算`,
          en: `${entry.target} is already computed by another formula`,
        },
        entry.target,
      );
    }
    computedAt.set(entry.target, at);
    const checked = checks.check(entry.formula, `${at}/formula`, checks.scopeFor(entry.target), report);
    if (!checked) return;
    // A record field's formula reads record paths as written; a column's may read its row's cells.
    const { dependencies } = checked;
    dependencyMap[entry.target] =
      tableOf(entry.target) === undefined
        ? dependencies
        : dependencies.map((d) => qualifyDependency(d, entry.target, index));
    if (target && target.kind !== 'table' && target.kind !== 'group')
      checkResultType(entry, target, checked.type, at, report);
  });

  for (const cycle of checks.cyclesOf(dependencyMap)) {
    const first = cycle[0] ?? '';
    report(
      `${computedAt.get(first) ?? '/computed'}/formula`,
      'form.computedCycle',
      {
        'zh-CN': `计算字段循环依赖：${cycle.join(' → ')}`,
        en: `computed fields depend on each other in a cycle: ${cycle.join(' → ')}`,
      },
      cycle,
    );
  }
}

/** Cross-field validations: unique ids, logical formulas over the record, known paths. */
export function checkValidations(form: FormDefinition, checks: FormulaChecks, report: Report): void {
  const validationIds = new Set<string>();
  (form.validations ?? []).forEach((validation, i) => {
    const at = `/validations/${i}`;
    if (validationIds.has(validation.id)) {
      report(
        `${at}/id`,
        'form.duplicateId',
        { 'zh-CN': `校验 id ${validation.id} 重复`, en: `validation id ${validation.id} is used twice` },
        validation.id,
      );
    }
    validationIds.add(validation.id);
    const checked = checks.check(validation.formula, `${at}/formula`, checks.record, report);
    if (checked) expectLogical(checked.type, validation.formula, `${at}/formula`, report);
    (validation.paths ?? []).forEach((path, j) => {
      if (!checks.index.fields.has(path)) unknownPath(path, `${at}/paths/${j}`, report);
    });
  });
}

// A computed field must receive what its formula gives: numbers for number fields, and so on.
function checkResultType(
  entry: { target: string; formula: string },
  target: { kind: string; formulaType: string; inTable: boolean },
  type: FormulaType,
  at: string,
  report: Report,
  key: 'formula' | 'initial' = 'formula',
): void {
  const element = type.kind === 'array' ? type.of : type;
  if (type.kind === 'array' && target.kind !== 'multiSelect') {
    report(
      `${at}/${key}`,
      'form.computedType',
      {
        'zh-CN': `公式返回一列值（${typeName(type)}），但 ${entry.target} 只有一个值；可用 SUM 等汇总`,
        en: `the formula gives a list (${typeName(type)}) but ${entry.target} holds one value; aggregate it, e.g. with SUM`,
      },
      entry.formula,
    );
    return;
  }
  const expected = target.formulaType.replace('[]', '');
  const compatible =
    element.kind === 'any' ||
    element.kind === 'blank' ||
    element.kind === expected ||
    (expected === 'string' && element.kind !== 'array');
  if (!compatible) {
    report(
      `${at}/${key}`,
      'form.computedType',
      {
        'zh-CN': `${entry.target} 是${expected}字段，公式却返回${typeName(element)}`,
        en: `${entry.target} holds ${expected} values but the formula gives ${typeName(element)}`,
      },
      entry.formula,
    );
  }
}

/** Reports a data path that names no field. */
export function unknownPath(path: string, at: string, report: Report): void {
  report(
    at,
    'form.unknownPath',
    { 'zh-CN': `数据中没有字段 ${path}`, en: `the data has no field ${path}` },
    path,
  );
}
