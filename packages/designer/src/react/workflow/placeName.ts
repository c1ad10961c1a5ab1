import type { Locale } from '@formboard/formula';
import { flowOf, itemOf } from '../../workflow/flow.ts';
import type { StepPlace } from '../../workflow/places.ts';
import { stepById, type Workflow } from '../../workflow/workflowTypes.ts';
import { armName } from './armName.ts';
import type { WorkflowMessages } from './messages.ts';
import { stepMoveMessages } from './moveMessages.ts';
import { stepTitle } from './WorkflowContext.ts';

/**
 * Where a place of the flow is, in words a screen reader can say: "流程开头", "“金额判断”的分支 2
 * 开头", "“通知一”之后（在“金额判断”的分支 2 中）", "after “Amount check”, where its branches meet".
 */
export function placeName(
  workflow: Workflow,
  place: StepPlace,
  messages: WorkflowMessages,
  locale: Locale,
): string {
  const words = stepMoveMessages(locale);
  const flow = flowOf(workflow);
  const title = (id: string) => {
    const step = stepById(workflow, id);
    return step ? stepTitle(step, locale) : id;
  };
  const arm = (branch: string, index: number) => {
    const step = stepById(workflow, branch);
    return step ? armName(step, index, messages) : String(index + 1);
  };
  if ('start' in place) return words.placeStart;
  if ('branch' in place) return words.placeArm(arm(place.branch, place.arm), title(place.branch));
  const after =
    itemOf(flow, place.after)?.kind === 'branch'
      ? words.placeAfterBranch(title(place.after))
      : words.placeAfter(title(place.after));
  const inside = flow.positions.get(place.after)?.arm;
  return inside ? `${after}${words.inArm(arm(inside.branch, inside.index), title(inside.branch))}` : after;
}
