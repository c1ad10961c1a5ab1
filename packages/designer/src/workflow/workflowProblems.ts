import type { FormDefinition } from '@formboard/schema';
import { createDefinitionValidator, type DefinitionIssue } from '@formboard/schema';
import type { CheckResult } from '../core/CheckResult.ts';
import { TRIGGER_ID, type Workflow } from './workflowTypes.ts';

/** A problem of the edited workflow, linked to the card it concerns. */
export interface WorkflowProblem extends DefinitionIssue {
  /** The step (or `TRIGGER_ID` for the trigger card) to select for this problem, when one is concerned. */
  readonly stepId?: string;
}

/** What `toDefinition` gives: the definition, valid, or every problem to show. */
export type WorkflowDefinitionResult = CheckResult<Workflow, WorkflowProblem>;

/** The card a pointer into the workflow concerns: `/steps/3/…` → that step, `/trigger/…` and `/form` → the trigger. */
export function locateStep(workflow: Workflow, pointer: string): string | undefined {
  const [section, index] = pointer.split('/').slice(1);
  if (section === 'trigger' || section === 'form') return TRIGGER_ID;
  if (section === 'start') return undefined;
  if (section !== 'steps' || index === undefined) return undefined;
  return workflow.steps[Number(index)]?.id;
}

/**
 * Validates edited versions of one workflow with @formboard/schema's incremental validator and links
 * each problem to its card. `forms` lets the checks see the forms the workflow reads (fields,
 * placeholders, formulas); without it they check syntax only.
 */
export function createWorkflowChecker(
  forms?: (id: string) => FormDefinition | undefined,
): (workflow: Workflow) => WorkflowDefinitionResult {
  const validate = createDefinitionValidator();
  const context = forms ? { form: forms } : {};
  let last: { workflow: Workflow; result: WorkflowDefinitionResult } | undefined;
  return (workflow) => {
    if (last?.workflow === workflow) return last.result;
    const checked = validate(workflow, context);
    const result: WorkflowDefinitionResult = checked.ok
      ? { ok: true, definition: workflow }
      : {
          ok: false,
          problems: checked.issues.map((issue) => {
            const stepId = locateStep(workflow, issue.pointer);
            return stepId === undefined ? issue : { ...issue, stepId };
          }),
        };
    last = { workflow, result };
    return result;
  };
}
