import type { FieldInfo } from '../fields/fieldIndex.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import type { AssigneeRule, WorkflowStep } from '../schemas/workflowSteps.ts';
import { pointer, type Report } from '../validate/issues.ts';
import {
  checkPlaceholders,
  checkScopedFormula,
  expectKind,
  recordVariables,
  type WorkflowScope,
} from './checkWorkflowFormula.ts';
import { checkHttpBody } from './checkWorkflowHttp.ts';
import { durationProblem } from './checkWorkflowTimes.ts';
import { lookupFormFields, requireField } from './checkWorkflowTrigger.ts';
import type { ValidationContext } from './DefinitionKind.ts';

/** Checks each step's own content: formulas, assignees, templates, durations, written fields. */
export function checkSteps(
  steps: readonly WorkflowStep[],
  scope: WorkflowScope,
  context: ValidationContext,
  report: Report,
): void {
  steps.forEach((step, i) => {
    checkStep(step, `/steps/${i}`, scope, context, report);
  });
}

function checkStep(
  step: WorkflowStep,
  at: string,
  scope: WorkflowScope,
  context: ValidationContext,
  report: Report,
): void {
  const formula = (source: string, where: string, kind?: 'boolean' | 'date'): void => {
    const type = checkScopedFormula(source, where, scope.fields, scope.variables, report);
    if (type && kind) expectKind(type, kind, source, where, report);
  };
  switch (step.type) {
    case 'condition':
      step.branches.forEach((branch, j) => {
        formula(branch.when, `${at}/branches/${j}/when`, 'boolean');
      });
      return;
    case 'approval':
      step.assignees.forEach((rule, j) => {
        checkAssignee(rule, `${at}/assignees/${j}`, scope, report);
      });
      if (step.due !== undefined) checkDuration(step.due, `${at}/due`, report);
      if (step.escalation) {
        checkDuration(step.escalation.after, `${at}/escalation/after`, report);
        checkAssignee(step.escalation.to, `${at}/escalation/to`, scope, report);
      }
      return;
    case 'notify':
      checkNotify(step, at, scope, report);
      return;
    case 'updateRecord':
      if (scope.subject !== 'record') {
        noRecord(`${at}/type`, report, {
          'zh-CN': '只有由记录触发的流程才能更新记录',
          en: 'only a workflow triggered by a record can update it',
        });
        return;
      }
      checkUpdate(step, at, scope, context, report);
      return;
    case 'createRecord': {
      const target = lookupFormFields(step.form, `${at}/form`, context, report);
      checkAssignments(step.values, `${at}/values`, target, report);
      step.values.forEach((entry, j) => {
        formula(entry.formula, `${at}/values/${j}/formula`);
      });
      return;
    }
    case 'http':
      checkPlaceholders(step.path, `${at}/path`, scope, report);
      if (step.body !== undefined) checkHttpBody(step.body, `${at}/body`, scope, report);
      return;
    case 'wait':
      if ((step.duration === undefined) === (step.until === undefined)) {
        report(at, 'workflow.waitNeedsOne', {
          'zh-CN': '等待步骤须且只能指定 duration 或 until 之一',
          en: 'a wait step needs exactly one of duration and until',
        });
      }
      if (step.duration !== undefined) checkDuration(step.duration, `${at}/duration`, report);
      if (step.until !== undefined) formula(step.until, `${at}/until`, 'date');
      return;
    case 'end':
      return;
  }
}

/**
 * Checks an update: of the run's record, or — with `record` — of the record a reference field of the
 * run's record points at, whose fields it then writes and whose values its formulas read as `$target`.
 */
function checkUpdate(
  step: Extract<WorkflowStep, { type: 'updateRecord' }>,
  at: string,
  scope: WorkflowScope,
  context: ValidationContext,
  report: Report,
): void {
  let written = scope.fields;
  let variables = scope.variables;
  if (step.record !== undefined) {
    const reference = requireField(scope.fields, step.record, `${at}/record`, report);
    const form = reference?.schema['x-form'];
    if (reference && (reference.format !== 'record' || typeof form !== 'string' || reference.inTable)) {
      report(
        `${at}/record`,
        'workflow.notARecordField',
        {
          'zh-CN': `${step.record} 不是引用记录的字段（format: record，带 x-form）`,
          en: `${step.record} is not a record-reference field (format: record with x-form)`,
        },
        step.record,
      );
      return;
    }
    written = typeof form === 'string' ? lookupFormFields(form, `${at}/record`, context, report) : undefined;
    variables = { ...scope.variables, ...recordVariables('$target', written) };
  }
  checkAssignments(step.set, `${at}/set`, written, report);
  step.set.forEach((entry, j) => {
    checkScopedFormula(entry.formula, `${at}/set/${j}/formula`, scope.fields, variables, report);
  });
}

function checkDuration(text: string, at: string, report: Report): void {
  const problem = durationProblem(text);
  if (problem) report(at, 'workflow.badDuration', problem, text);
}

function noRecord(
  at: string,
  report: Report,
  message: { 'zh-CN': string; en: string },
  value?: unknown,
): void {
  report(at, 'workflow.noRecord', message, value);
}

/** Checks that a rule's people can be found from what the run is about. */
function checkAssignee(rule: AssigneeRule, at: string, scope: WorkflowScope, report: Report): void {
  const needsSubmitter = rule.type === 'submitter' || (rule.type === 'supervisor' && rule.of === 'submitter');
  if (needsSubmitter && scope.subject !== 'record') {
    noRecord(
      rule.type === 'submitter' ? `${at}/type` : `${at}/of`,
      report,
      {
        'zh-CN': '此流程不是由记录触发的，没有提交人',
        en: 'this workflow is not triggered by a record, so there is no submitter',
      },
      'submitter',
    );
    return;
  }
  const path = rule.type === 'field' ? rule.path : rule.type === 'supervisor' ? rule.of : undefined;
  if (path === undefined || path === 'submitter') return;
  const where = rule.type === 'field' ? `${at}/path` : `${at}/of`;
  if (scope.subject === 'none') {
    noRecord(
      where,
      report,
      {
        'zh-CN': `定时流程没有记录，无法读取字段 ${path}`,
        en: `a scheduled workflow has no record to read ${path} from`,
      },
      path,
    );
    return;
  }
  const info = requireField(scope.fields, path, where, report);
  if (info && !(info.kind === 'string' && info.format === 'user')) {
    report(
      where,
      'workflow.notAUserField',
      { 'zh-CN': `${path} 不是人员字段`, en: `${path} is not a user field` },
      path,
    );
  }
}

function checkNotify(
  step: Extract<WorkflowStep, { type: 'notify' }>,
  at: string,
  scope: WorkflowScope,
  report: Report,
): void {
  if (step.channel === 'inbox') {
    if (step.to === undefined) {
      report(`${at}/to`, 'workflow.missingRecipients', {
        'zh-CN': '站内信需要指定接收人（to）',
        en: 'an inbox message needs recipients (to)',
      });
    }
    if (step.connector !== undefined) {
      report(
        `${at}/connector`,
        'workflow.unexpectedConnector',
        { 'zh-CN': '站内信不使用连接器', en: 'inbox messages do not use a connector' },
        step.connector,
      );
    }
  } else if (step.connector === undefined) {
    report(`${at}/connector`, 'workflow.missingConnector', {
      'zh-CN': `${step.channel} 通知需要指定管理员配置的连接器（connector）`,
      en: `a ${step.channel} notification needs an admin-configured connector`,
    });
  }
  (step.to ?? []).forEach((rule, j) => {
    checkAssignee(rule, `${at}/to/${j}`, scope, report);
  });
  checkTemplate(step.subject, `${at}/subject`, scope, report);
  checkTemplate(step.message, `${at}/message`, scope, report);
}

function checkTemplate(
  text: LocalizedText | undefined,
  at: string,
  scope: WorkflowScope,
  report: Report,
): void {
  if (text === undefined) return;
  if (typeof text === 'string') {
    checkPlaceholders(text, at, scope, report);
    return;
  }
  for (const [locale, value] of Object.entries(text as Readonly<Record<string, string>>)) {
    checkPlaceholders(value, `${at}${pointer(locale)}`, scope, report);
  }
}

/** Checks the fields a step writes: they exist, hold one value each, and appear once. */
function checkAssignments(
  entries: readonly { field: string }[],
  at: string,
  fields: ReadonlyMap<string, FieldInfo> | undefined,
  report: Report,
): void {
  const seen = new Set<string>();
  entries.forEach((entry, j) => {
    const where = `${at}/${j}/field`;
    if (seen.has(entry.field)) {
      report(
        where,
        'workflow.duplicateField',
        { 'zh-CN': `字段 ${entry.field} 被赋值两次`, en: `the field ${entry.field} is set twice` },
        entry.field,
      );
    }
    seen.add(entry.field);
    const info = requireField(fields, entry.field, where, report);
    if (info && (info.kind === 'table' || info.kind === 'group' || info.inTable)) {
      report(
        where,
        'workflow.notWritable',
        {
          'zh-CN': `${entry.field} 是表格、分组或表格列，不能直接赋值`,
          en: `${entry.field} is a table, a group or a table column and cannot be set directly`,
        },
        entry.field,
      );
    }
  });
}
