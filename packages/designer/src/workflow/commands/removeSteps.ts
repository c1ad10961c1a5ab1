import type { Command } from '../../core/Command.ts';
import { flowOf } from '../flow.ts';
import { stepIdMaker } from '../newStep.ts';
import type { Workflow } from '../workflowTypes.ts';
import { detach, regionAt } from './region.ts';

/**
 * Removes steps: a step's card, or a branch card with every step in its arms. What led to them leads
 * to what followed them; a step that ended the run there ends it for them.
 */
export function removeSteps(ids: readonly string[], nextId: () => string): Command<Workflow> {
  return {
    label: { 'zh-CN': '删除步骤', en: 'Delete steps' },
    run(workflow) {
      let document = workflow;
      for (const id of ids) {
        if (!document.steps.some((s) => s.id === id)) continue;
        const region = regionAt(document, id, flowOf(document));
        const newId = stepIdMaker(document, nextId);
        const detached = detach(document, region, () => newId('end'));
        document = { ...detached, steps: detached.steps.filter((s) => !region.ids.has(s.id)) };
      }
      return { document };
    },
  };
}
