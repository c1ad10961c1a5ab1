import {
  analyzeFormula,
  type FormulaType,
  type LocalizedMessage,
  suggest,
  type TypeName,
  typeName,
} from '@formboard/formula';
import type { FieldInfo } from '../fields/fieldIndex.ts';
import { formulaFieldTypes } from '../fields/fieldScope.ts';
import type { Report } from '../validate/issues.ts';
import { placeholders } from '../workflow/fillPlaceholders.ts';
import { recordValueVariables } from '../workflow/workflowVariables.ts';

/** What a workflow's step formulas, placeholders and assignee rules can read. */
export interface WorkflowScope {
  /** What a run is about: a record (record trigger), a metric group (metric streak) or nothing (schedule). */
  readonly subject: 'record' | 'group' | 'none';
  /** The readable fields by path; undefined when the form could not be looked up (then fields go unchecked). */
  readonly fields: ReadonlyMap<string, FieldInfo> | undefined;
  /** Context variables (`$run.id`, `$streak.value`…) and their types. */
  readonly variables: Readonly<Record<string, TypeName>>;
}

/** Variable roots the workflow defines; a path under one of them that is not listed is an error. */
const WORKFLOW_ROOTS = ['$old', '$streak', '$run', '$event', '$target'];

/**
 * `<root>.<field>` variables for the values of a record: `$old` in a record trigger's condition (the
 * values before an update), `$target` in an update of a referenced record (its values now).
 */
export function recordVariables(
  root: '$old' | '$target',
  fields: ReadonlyMap<string, FieldInfo> | undefined,
): Record<string, TypeName> {
  return recordValueVariables(root, fields && formulaFieldTypes({ fields, problems: [] }));
}

function isWorkflowVariable(name: string): boolean {
  return WORKFLOW_ROOTS.some((root) => name === root || name.startsWith(`${root}.`));
}

/**
 * Parses and type-checks a workflow formula against the scope's fields (unchecked when unknown) and
 * variables, reporting at `at`. Returns the formula's type, or undefined when it has problems.
 */
export function checkScopedFormula(
  source: string,
  at: string,
  fields: ReadonlyMap<string, FieldInfo> | undefined,
  variables: Readonly<Record<string, TypeName>>,
  report: Report,
): FormulaType | undefined {
  const types = fields ? formulaFieldTypes({ fields, problems: [] }) : undefined;
  const result = analyzeFormula(source, types ? { fields: types, variables } : { variables });
  if (!result.ok) {
    for (const issue of result.issues) report(at, `formula.${issue.code}`, issue.messages, source);
    return undefined;
  }
  let sound = true;
  for (const name of result.dependencies) {
    if (!isWorkflowVariable(name) || Object.hasOwn(variables, name)) continue;
    // A root registered alone (its record's form unknown): what lies under it goes unchecked.
    if (variables[name.split('.')[0] ?? name] === 'any') continue;
    const guess = suggest(name, Object.keys(variables));
    report(
      at,
      name.startsWith('$old') || name.startsWith('$target')
        ? 'formula.unknownField'
        : 'formula.unknownVariable',
      {
        'zh-CN': `${name} 不存在${guess ? `，是否想用 ${guess}？` : ''}`,
        en: `${name} is not defined here${guess ? ` — did you mean ${guess}?` : ''}`,
      },
      source,
    );
    sound = false;
  }
  return sound ? result.type : undefined;
}

const KIND_NAMES: Readonly<Record<string, LocalizedMessage>> = {
  boolean: { 'zh-CN': 'TRUE 或 FALSE', en: 'TRUE or FALSE' },
  number: { 'zh-CN': '数字', en: 'a number' },
  date: { 'zh-CN': '日期', en: 'a date' },
};

/** Reports a formula whose type cannot be `kind` (blank and any pass: they are checked at run time). */
export function expectKind(
  type: FormulaType,
  kind: 'boolean' | 'number' | 'date',
  source: string,
  at: string,
  report: Report,
): void {
  if (type.kind === kind || type.kind === 'any' || type.kind === 'blank') return;
  const wanted = KIND_NAMES[kind] as LocalizedMessage;
  report(
    at,
    kind === 'boolean' ? 'formula.notLogical' : `formula.not${kind === 'number' ? 'Number' : 'Date'}`,
    {
      'zh-CN': `公式应返回${wanted['zh-CN']}，实际返回${typeName(type)}`,
      en: `the formula should give ${wanted.en}, not ${typeName(type)}`,
    },
    source,
  );
}

/** Reports `{{placeholders}}` that name neither a readable field nor a variable of the scope. */
export function checkPlaceholders(template: string, at: string, scope: WorkflowScope, report: Report): void {
  for (const name of placeholders(template)) {
    const isVariable = name.startsWith('$');
    if (isVariable && (Object.hasOwn(scope.variables, name) || name === '$today' || name === '$now'))
      continue;
    if (!isVariable && (!scope.fields || scope.fields.has(name))) continue;
    const known = isVariable ? Object.keys(scope.variables) : [...(scope.fields?.keys() ?? [])];
    const guess = suggest(name, known);
    report(
      at,
      'workflow.unknownPlaceholder',
      {
        'zh-CN': `占位符 {{${name}}} 不是可用的字段或变量${guess ? `，是否想用 {{${guess}}}？` : ''}`,
        en: `the placeholder {{${name}}} names no available field or variable${guess ? ` — did you mean {{${guess}}}?` : ''}`,
      },
      name,
    );
  }
}
