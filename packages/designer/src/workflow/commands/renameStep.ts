import { type Command, refuse } from '../../core/Command.ts';
import { stepIdProblem } from '../stepIds.ts';
import { type Step, stepById, type Workflow } from '../workflowTypes.ts';

/** A step whose links naming `from` name `to` instead (the same object when none does). */
function relinked(step: Step, from: string, to: string): Step {
  switch (step.type) {
    case 'condition': {
      if (!step.branches.some((b) => b.next === from) && step.otherwise !== from) return step;
      const branches = step.branches.map((b) => (b.next === from ? { ...b, next: to } : b));
      return { ...step, branches, ...(step.otherwise === from ? { otherwise: to } : {}) };
    }
    case 'approval':
      if (step.onApprove !== from && step.onReject !== from) return step;
      return {
        ...step,
        ...(step.onApprove === from ? { onApprove: to } : {}),
        ...(step.onReject === from ? { onReject: to } : {}),
      };
    case 'end':
      return step;
    default:
      return step.next === from ? { ...step, next: to } : step;
  }
}

/**
 * Renames a step: its id, the workflow's `start` and every link of every step that names it (the
 * links themselves stay where they are), as one command. Refused when the new id is empty, does not
 * match the schema's pattern, is reserved or names another step.
 */
export function renameStep(id: string, newId: string): Command<Workflow> {
  return {
    label: { 'zh-CN': '修改步骤标识', en: 'Rename step' },
    run(workflow, selection) {
      const step = stepById(workflow, id);
      if (!step) return refuse(`没有步骤 ${id}`, `there is no step ${id}`);
      if (newId === id) return { document: workflow };
      const problem = stepIdProblem(newId, workflow, id);
      if (problem) return refuse(problem['zh-CN'], problem.en);
      const steps = workflow.steps.map((s) => relinked(s.id === id ? { ...s, id: newId } : s, id, newId));
      const document = { ...workflow, start: workflow.start === id ? newId : workflow.start, steps };
      return { document, selection: selection.map((s) => (s === id ? newId : s)) };
    },
  };
}
