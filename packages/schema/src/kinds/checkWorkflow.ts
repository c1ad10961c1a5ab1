import type { WorkflowDefinition } from '../schemas/workflowDefinition.ts';
import type { Report } from '../validate/issues.ts';
import { checkStepGraph } from './checkWorkflowGraph.ts';
import { checkSteps } from './checkWorkflowSteps.ts';
import { checkTrigger } from './checkWorkflowTrigger.ts';
import type { ValidationContext } from './DefinitionKind.ts';

/**
 * The meaning checks of a workflow, beyond its JSON Schema: the trigger (forms, fields, cron, time
 * zone, formulas), the step graph (unique ids, existing targets, reachability, loops) and each
 * step's formulas, assignees, templates, durations and written fields. Formulas and field references
 * are checked against the forms when the context can look them up, else for syntax only.
 */
export function checkWorkflow(
  workflow: WorkflowDefinition,
  report: Report,
  context: ValidationContext,
): void {
  checkFormMatchesTrigger(workflow, report);
  const scope = checkTrigger(workflow.trigger, context, report);
  checkStepGraph(workflow.steps, workflow.start, report);
  checkSteps(workflow.steps, scope, context, report);
}

function checkFormMatchesTrigger(workflow: WorkflowDefinition, report: Report): void {
  if (workflow.form === undefined) return;
  const { trigger } = workflow;
  const expected =
    trigger.type === 'record'
      ? trigger.form
      : trigger.type === 'metricStreak'
        ? trigger.query.form
        : undefined;
  if (workflow.form === expected) return;
  report(
    '/form',
    'workflow.formMismatch',
    expected === undefined
      ? {
          'zh-CN': '定时触发的流程没有记录，不能指定 form',
          en: 'a scheduled workflow has no record, so it cannot name a form',
        }
      : {
          'zh-CN': `form 应与触发器的表单 ${expected} 相同（也可省略）`,
          en: `form must be the trigger's form ${expected} (or be left out)`,
        },
    workflow.form,
  );
}
