import { type Command, refuse } from '../../core/Command.ts';
import { exitsOf, type FlowItem, flowOf, itemOf } from '../flow.ts';
import { linksInto, sameLink, setLinks, targetOf } from '../links.ts';
import { stepIdMaker } from '../newStep.ts';
import { STEP_NAMES } from '../stepNames.ts';
import { type Step, stepById, type Workflow } from '../workflowTypes.ts';
import { regionAt } from './region.ts';

/** Where the arms of a branch card meet again: the step its arm ends lead to (undefined: the run ends). */
function joinTarget(workflow: Workflow, item: FlowItem | undefined): string | undefined {
  if (item?.kind !== 'branch') return undefined;
  const first = exitsOf(workflow, item)[0];
  return first ? targetOf(workflow, first) : undefined;
}

/**
 * Adds an arm to a branch card: a condition gets a new branch (`TRUE` until it is edited) before
 * "otherwise"; an approval gets a path for rejections. The new arm is empty: it goes on where the
 * other arms meet (for an approval without one: where approvals go).
 */
export function addArm(stepId: string, nextId: () => string): Command<Workflow> {
  return {
    label: { 'zh-CN': '添加分支', en: 'Add branch' },
    run(workflow) {
      const step = stepById(workflow, stepId);
      const newId = stepIdMaker(workflow, nextId);
      if (step?.type === 'approval') {
        if (step.onReject !== undefined) return { document: workflow };
        if (step.onApprove !== undefined) {
          return { document: replaceStep(workflow, { ...step, onReject: step.onApprove }) };
        }
        const end: Step = { type: 'end', id: newId('end'), title: { ...STEP_NAMES.end } };
        return {
          document: replaceStep(
            { ...workflow, steps: [...workflow.steps, end] },
            { ...step, onReject: end.id },
          ),
        };
      }
      if (step?.type !== 'condition') {
        return refuse(
          `步骤 ${stepId} 不是条件或审批`,
          `the step ${stepId} is not a condition or an approval`,
        );
      }
      let target = joinTarget(workflow, itemOf(flowOf(workflow), stepId));
      let steps = workflow.steps;
      if (target === undefined) {
        target = newId('end');
        steps = [...steps, { type: 'end', id: target, title: { ...STEP_NAMES.end } }];
      }
      const branches = [...step.branches, { when: 'TRUE', next: target }];
      return { document: replaceStep({ ...workflow, steps }, { ...step, branches }) };
    },
  };
}

/**
 * Removes an arm of a branch card with every step in it: a condition's branch (not its last one), an
 * approval's rejection path (rejections then end the run). "Otherwise" cannot be removed: it is
 * emptied and goes on where the other arms meet.
 */
export function removeArm(stepId: string, arm: number, nextId: () => string): Command<Workflow> {
  return {
    label: { 'zh-CN': '删除分支', en: 'Remove branch' },
    run(workflow) {
      const step = stepById(workflow, stepId);
      const flow = flowOf(workflow);
      const item = itemOf(flow, stepId);
      if (!step || item?.kind !== 'branch')
        return refuse(`步骤 ${stepId} 没有分支`, `the step ${stepId} has no branches`);
      const sequence = item.arms[arm]?.sequence;
      if (!sequence) return refuse(`没有第 ${arm + 1} 路分支`, `there is no arm ${arm + 1}`);
      if (step.type === 'approval' && arm === 0) {
        return refuse('审批通过的分支不能删除', 'the approved arm cannot be removed');
      }
      if (step.type === 'condition' && arm < step.branches.length && step.branches.length === 1) {
        return refuse('条件至少要有一个分支', 'a condition needs at least one branch');
      }
      const join = joinTarget(workflow, item);
      const newId = stepIdMaker(workflow, nextId);
      // The arm's steps go, and whatever led into them from elsewhere goes where the arms meet.
      const ids = new Set(sequence.items.flatMap((it) => [...regionAt(workflow, it.id, flow).ids]));
      const removed = item.arms[arm]?.link;
      const into = linksInto(workflow, ids, ids).filter((link) => !removed || !sameLink(link, removed));
      const detached = setLinks(workflow, into, join, () => newId('end'));
      const kept = { ...detached, steps: detached.steps.filter((s) => !ids.has(s.id)) };
      const own = stepById(kept, stepId) as Step;
      let changed: Step;
      if (own.type === 'approval') {
        const { onReject: _dropped, ...rest } = own;
        changed = rest;
      } else if (own.type === 'condition' && arm < own.branches.length) {
        changed = { ...own, branches: own.branches.filter((_, i) => i !== arm) };
      } else {
        return { document: setLinks(kept, [{ step: stepId, key: 'otherwise' }], join, () => newId('end')) };
      }
      return { document: replaceStep(kept, changed) };
    },
  };
}

/** The workflow with a step replaced by its new version (found by id). */
export function replaceStep(workflow: Workflow, step: Step): Workflow {
  return { ...workflow, steps: workflow.steps.map((s) => (s.id === step.id ? step : s)) };
}
