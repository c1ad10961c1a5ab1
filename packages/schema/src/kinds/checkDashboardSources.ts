import { analyzeFormula, suggest } from '@formboard/formula';
import { type FieldIndex, type FieldInfo, indexFields } from '../fields/fieldIndex.ts';
import { formulaFieldTypes } from '../fields/fieldScope.ts';
import type { Report } from '../validate/issues.ts';
import { checkFormula, expectLogical, FORMULA_VARIABLES } from './checkFormula.ts';
import type { ValidationContext } from './DefinitionKind.ts';

/** Finds a dashboard's source forms and indexes their fields; undefined means "skip field checks". */
export type SourceLookup = (formId: string, at: string) => FieldIndex | undefined;

/**
 * A lookup of source forms through `context.form`, indexing each form once. Without a form lookup in
 * the context every call gives undefined (cross-reference checks are skipped); with one, a form it
 * does not know is reported at `at` as `dashboard.unknownForm`.
 */
export function createSourceLookup(context: ValidationContext, report: Report): SourceLookup {
  const indexes = new Map<string, FieldIndex | undefined>();
  return (formId, at) => {
    if (!context.form) return undefined;
    if (!indexes.has(formId)) {
      const form = context.form(formId);
      indexes.set(formId, form ? indexFields(form.data) : undefined);
    }
    const index = indexes.get(formId);
    if (!index) {
      report(
        at,
        'dashboard.unknownForm',
        { 'zh-CN': `表单 ${formId} 不存在`, en: `there is no form ${formId}` },
        formId,
      );
    }
    return index;
  };
}

/** The field at `path` of a source form, or undefined after reporting `dashboard.unknownField`. */
export function sourceField(
  index: FieldIndex,
  path: string,
  at: string,
  report: Report,
): FieldInfo | undefined {
  const field = index.fields.get(path);
  if (field) return field;
  const guess = suggest(path, index.fields.keys());
  report(
    at,
    'dashboard.unknownField',
    {
      'zh-CN': `来源表单没有字段 ${path}${guess ? `，是否想用 ${guess}？` : ''}`,
      en: `the source form has no field ${path}${guess ? ` — did you mean ${guess}?` : ''}`,
    },
    path,
  );
  return undefined;
}

/** Whether a field holds one plain value (not a group, a table or a multi-select list). */
export function isScalar(field: FieldInfo): boolean {
  return field.kind === 'string' || field.kind === 'number' || field.kind === 'boolean';
}

/**
 * Checks a record filter: it parses, reads only the source form's fields (when the form is known)
 * and gives TRUE or FALSE.
 */
export function checkFilterFormula(
  source: string,
  at: string,
  index: FieldIndex | undefined,
  report: Report,
): void {
  if (index) {
    const checked = checkFormula(source, at, formulaFieldTypes(index), report);
    if (checked) expectLogical(checked.type, source, at, report);
    return;
  }
  // Without the form the fields cannot be checked, but syntax and functions still can.
  const result = analyzeFormula(source, { variables: FORMULA_VARIABLES });
  if (!result.ok) {
    for (const issue of result.issues) report(at, `formula.${issue.code}`, issue.messages, source);
    return;
  }
  expectLogical(result.type, source, at, report);
}

/** Reports a time zone that is not an IANA name this runtime knows. */
export function checkTimeZone(timeZone: string | undefined, at: string, report: Report): void {
  if (timeZone === undefined) return;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    report(
      at,
      'dashboard.badTimeZone',
      {
        'zh-CN': `未知时区 ${timeZone}，应为 IANA 时区名，如 Asia/Shanghai`,
        en: `unknown time zone ${timeZone}; use an IANA name such as Asia/Shanghai`,
      },
      timeZone,
    );
  }
}
