import { type Command, isRefused, refuse } from '../../core/Command.ts';
import { flowOf } from '../flow.ts';
import { setLinks } from '../links.ts';
import { stepIdMaker } from '../newStep.ts';
import { linksAt, placeBefore, type StepPlace, targetAt } from '../places.ts';
import { stepById, type Workflow } from '../workflowTypes.ts';
import { detach, regionAt } from './region.ts';

const MOVE = { 'zh-CN': '移动步骤', en: 'Move step' };

/**
 * Moves a step's card (a branch card with its arms) to a place: it is taken out where it was (what
 * led to it leads to what followed it) and put in at the place, going on where the place went.
 */
export function moveStep(id: string, place: StepPlace, nextId: () => string): Command<Workflow> {
  return {
    label: MOVE,
    run(workflow) {
      const step = stepById(workflow, id);
      if (!step) return refuse(`没有步骤 ${id}`, `there is no step ${id}`);
      // An end step cuts off whatever follows its place: it is added or removed, never carried around.
      if (step.type === 'end') return refuse('“结束”步骤不能移动', 'an end step cannot be moved');
      const region = regionAt(workflow, id);
      const anchor = 'after' in place ? place.after : 'branch' in place ? place.branch : undefined;
      if (anchor !== undefined && region.ids.has(anchor)) {
        return refuse('步骤不能移到自己里面', 'a step cannot be moved into itself');
      }
      const newId = stepIdMaker(workflow, nextId);
      const detached = detach(workflow, region, () => newId('end'));
      const links = linksAt(detached, place);
      if (isRefused(links)) return links;
      const target = targetAt(detached, links);
      if (target !== undefined && region.ids.has(target)) return { document: workflow };
      const entered = setLinks(detached, links, id, () => newId('end'));
      const document = setLinks(entered, region.exits, target, () => newId('end'));
      return { document, selection: [id] };
    },
  };
}

/**
 * Moves a step's card one place up or down its sequence; from the top or bottom of a branch arm it
 * leaves the branch, going before or after the branch card.
 */
export function moveStepBy(id: string, direction: 'up' | 'down', nextId: () => string): Command<Workflow> {
  return {
    label: MOVE,
    run(workflow, selection) {
      const flow = flowOf(workflow);
      const position = flow.positions.get(id);
      if (!position) return refuse(`步骤 ${id} 不在流程中`, `the step ${id} is not in the flow`);
      const { sequence, index, arm } = position;
      let place: StepPlace | undefined;
      if (direction === 'up') {
        const above = sequence.items[index - 1];
        place = above ? placeBefore(flow, above.id) : arm ? placeBefore(flow, arm.branch) : undefined;
        if (!place) return refuse('已是第一个步骤', 'this is the first step already');
      } else {
        const below = sequence.items[index + 1];
        place = below ? { after: below.id } : arm ? { after: arm.branch } : undefined;
        if (!place) return refuse('已是最后一个步骤', 'this is the last step already');
      }
      return moveStep(id, place, nextId).run(workflow, selection);
    },
  };
}
