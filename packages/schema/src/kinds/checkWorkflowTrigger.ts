import { type FieldInfo, indexFields } from '../fields/fieldIndex.ts';
import { formulaFieldTypes } from '../fields/fieldScope.ts';
import type { MetricStreakTrigger, WorkflowTrigger } from '../schemas/workflowTriggers.ts';
import type { Report } from '../validate/issues.ts';
import { workflowVariables } from '../workflow/workflowVariables.ts';
import { FORMULA_VARIABLES } from './checkFormula.ts';
import { checkScopedFormula, expectKind, type WorkflowScope } from './checkWorkflowFormula.ts';
import { cronProblem, isTimeZone } from './checkWorkflowTimes.ts';
import type { ValidationContext } from './DefinitionKind.ts';

/**
 * The fields of form `id`, or undefined when they cannot be known: no form lookup in the context, or
 * the form does not exist (reported at `at`).
 */
export function lookupFormFields(
  id: string,
  at: string,
  context: ValidationContext,
  report: Report,
): ReadonlyMap<string, FieldInfo> | undefined {
  if (!context.form) return undefined;
  const form = context.form(id);
  if (!form) {
    report(at, 'workflow.unknownForm', { 'zh-CN': `表单 ${id} 不存在`, en: `there is no form ${id}` }, id);
    return undefined;
  }
  return indexFields(form.data).fields;
}

/** Reports a field path that is not in `fields` (when the fields are known); returns the field. */
export function requireField(
  fields: ReadonlyMap<string, FieldInfo> | undefined,
  path: string,
  at: string,
  report: Report,
): FieldInfo | undefined {
  if (!fields) return undefined;
  const info = fields.get(path);
  if (!info) {
    report(
      at,
      'workflow.unknownField',
      { 'zh-CN': `表单中没有字段 ${path}`, en: `the form has no field ${path}` },
      path,
    );
  }
  return info;
}

function checkTimeZone(timeZone: string | undefined, at: string, report: Report): void {
  if (timeZone === undefined || isTimeZone(timeZone)) return;
  report(
    at,
    'workflow.badTimeZone',
    {
      'zh-CN': `未知时区 ${timeZone}，请使用 IANA 名称，如 Asia/Shanghai`,
      en: `unknown time zone ${timeZone}; use an IANA name such as Asia/Shanghai`,
    },
    timeZone,
  );
}

/** Checks the trigger and returns what the steps can read. */
export function checkTrigger(
  trigger: WorkflowTrigger,
  context: ValidationContext,
  report: Report,
): WorkflowScope {
  switch (trigger.type) {
    case 'record': {
      const fields = lookupFormFields(trigger.form, '/trigger/form', context, report);
      const variables = workflowVariables(trigger, undefined);
      if (trigger.condition !== undefined) {
        const at = '/trigger/condition';
        const fieldTypes = fields && formulaFieldTypes({ fields, problems: [] });
        const conditionVariables = workflowVariables(trigger, fieldTypes, true);
        const type = checkScopedFormula(trigger.condition, at, fields, conditionVariables, report);
        if (type) expectKind(type, 'boolean', trigger.condition, at, report);
      }
      return { subject: 'record', fields, variables };
    }
    case 'schedule': {
      const problem = cronProblem(trigger.cron);
      if (problem) report('/trigger/cron', 'workflow.badCron', problem, trigger.cron);
      checkTimeZone(trigger.timeZone, '/trigger/timeZone', report);
      return { subject: 'none', fields: new Map(), variables: workflowVariables(trigger, undefined) };
    }
    case 'metricStreak':
      return checkMetricStreak(trigger, context, report);
  }
}

function checkMetricStreak(
  trigger: MetricStreakTrigger,
  context: ValidationContext,
  report: Report,
): WorkflowScope {
  const { query } = trigger;
  const source = lookupFormFields(query.form, '/trigger/query/form', context, report);
  checkTimeZone(query.timeZone, '/trigger/query/timeZone', report);

  const group = requireField(source, query.groupBy, '/trigger/query/groupBy', report);
  const groupable =
    group !== undefined &&
    group.kind !== 'table' &&
    group.kind !== 'group' &&
    group.kind !== 'multiSelect' &&
    !group.inTable;
  if (group && !groupable) {
    report(
      '/trigger/query/groupBy',
      'workflow.notGroupable',
      {
        'zh-CN': `${query.groupBy} 不是单值字段，不能用于分组`,
        en: `${query.groupBy} does not hold a single value and cannot group records`,
      },
      query.groupBy,
    );
  }

  const { op, field } = query.measure;
  if (field === undefined && op !== 'count') {
    report(
      '/trigger/query/measure',
      'workflow.missingMeasureField',
      { 'zh-CN': `${op} 需要指定字段`, en: `${op} needs a field` },
      op,
    );
  } else if (field !== undefined) {
    const measured = requireField(source, field, '/trigger/query/measure/field', report);
    if (measured && op !== 'count') expectNumberField(measured, op, '/trigger/query/measure/field', report);
  }

  if (query.dateField !== undefined) {
    const date = requireField(source, query.dateField, '/trigger/query/dateField', report);
    if (date && date.formulaType !== 'date') {
      report(
        '/trigger/query/dateField',
        'workflow.notADate',
        { 'zh-CN': `${query.dateField} 不是日期字段`, en: `${query.dateField} is not a date field` },
        query.dateField,
      );
    }
  }

  // The filter and a baseline formula run over the source records, before any run exists.
  const sourceVariables = Object.fromEntries(
    Object.entries(FORMULA_VARIABLES).filter(([name]) => name.startsWith('$record.')),
  );
  if (query.filter !== undefined) {
    const type = checkScopedFormula(query.filter, '/trigger/query/filter', source, sourceVariables, report);
    if (type) expectKind(type, 'boolean', query.filter, '/trigger/query/filter', report);
  }
  const { baseline } = trigger;
  if (typeof baseline === 'object' && 'field' in baseline) {
    const info = requireField(source, baseline.field, '/trigger/baseline/field', report);
    if (info) expectNumberField(info, 'baseline', '/trigger/baseline/field', report);
  } else if (typeof baseline === 'object') {
    const at = '/trigger/baseline/formula';
    const type = checkScopedFormula(baseline.formula, at, source, sourceVariables, report);
    if (type) expectKind(type, 'number', baseline.formula, at, report);
  }

  // A streak's steps see its group: the group field (with its type) and the streak variables. When
  // the group field is wrong, the steps' fields go unchecked rather than repeat that one mistake.
  const fields = group && groupable ? new Map([[group.path, group]]) : undefined;
  return { subject: 'group', fields, variables: workflowVariables(trigger, undefined) };
}

function expectNumberField(info: FieldInfo, use: string, at: string, report: Report): void {
  if (info.formulaType === 'number') return;
  report(
    at,
    'workflow.notAggregatable',
    {
      'zh-CN': `${info.path} 不是数字字段，不能用于 ${use}`,
      en: `${info.path} is not a number field and cannot be used for ${use}`,
    },
    info.path,
  );
}
