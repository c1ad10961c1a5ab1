import { type Refused, refuse } from '../core/Command.ts';
import { exitsOf, type Flow, flowOf, itemOf } from './flow.ts';
import { armLinks, continuation, type LinkRef, START, targetOf } from './links.ts';
import { stepById, type Workflow } from './workflowTypes.ts';

/**
 * Where a step goes: at the start of the workflow, at the start of a branch card's arm, or after a
 * step's card (after a branch card: where its arms meet again).
 */
export type StepPlace =
  | { readonly start: true }
  | { readonly branch: string; readonly arm: number }
  | { readonly after: string };

/** The links that lead into a place, all naming the same step (or none): a step put there takes them over. */
export function linksAt(
  workflow: Workflow,
  place: StepPlace,
  flow: Flow = flowOf(workflow),
): LinkRef[] | Refused {
  if ('start' in place) return [START];
  if ('branch' in place) {
    const step = stepById(workflow, place.branch);
    const link = step ? armLinks(step)[place.arm] : undefined;
    if (!link)
      return refuse(
        `没有分支 ${place.branch} 的第 ${place.arm + 1} 路`,
        `there is no arm ${place.arm + 1} of ${place.branch}`,
      );
    return [link];
  }
  const step = stepById(workflow, place.after);
  if (!step) return refuse(`没有步骤 ${place.after}`, `there is no step ${place.after}`);
  if (step.type === 'end') return refuse('“结束”之后不能再有步骤', 'nothing can follow an end step');
  const item = itemOf(flow, step.id);
  if (item?.kind === 'branch') {
    const exits = exitsOf(workflow, item);
    if (exits.length === 0) {
      return refuse(
        '这个分支的每一路都已结束或跳转，之后的步骤不会执行',
        'every arm of this branch ends or jumps elsewhere, so nothing after it would run',
      );
    }
    return exits;
  }
  const own = continuation(step);
  if (!own) {
    return refuse(
      `步骤 ${step.id} 不在流程中，无法在其后添加`,
      `the step ${step.id} is not in the flow, so nothing can go after it`,
    );
  }
  return [own];
}

/** The step the links of a place lead to now (undefined: the run ends there). */
export function targetAt(workflow: Workflow, links: readonly LinkRef[]): string | undefined {
  const first = links[0];
  return first ? targetOf(workflow, first) : undefined;
}

/** The place just before a step's card: after the card above it, else the start of its arm or of the flow. */
export function placeBefore(flow: Flow, id: string): StepPlace | undefined {
  const position = flow.positions.get(id);
  if (!position) return undefined;
  const above = position.sequence.items[position.index - 1];
  if (above) return { after: above.id };
  if (position.arm) return { branch: position.arm.branch, arm: position.arm.index };
  return { start: true };
}
