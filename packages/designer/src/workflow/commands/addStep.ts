import { type Command, isRefused, refuse } from '../../core/Command.ts';
import { setLinks } from '../links.ts';
import { newStep, stepIdMaker } from '../newStep.ts';
import { linksAt, type StepPlace, targetAt } from '../places.ts';
import { STEP_NAMES } from '../stepNames.ts';
import type { Step, StepType, Workflow } from '../workflowTypes.ts';

/** The index in `steps` after which a step put at `place` is listed (the definition's own order). */
export function listIndexAt(workflow: Workflow, place: StepPlace): number {
  const anchor = 'after' in place ? place.after : 'branch' in place ? place.branch : undefined;
  if (anchor === undefined) return 0;
  const index = workflow.steps.findIndex((s) => s.id === anchor);
  return index < 0 ? workflow.steps.length : index + 1;
}

/** Lists steps at an index of `steps`. */
export function listAt(steps: readonly Step[], index: number, added: readonly Step[]): Step[] {
  return [...steps.slice(0, index), ...added, ...steps.slice(index)];
}

/**
 * Adds a new step of a kind at a place: it takes over the links into the place and goes on where they
 * went (an `end` step cuts the run off there). The new step is selected.
 */
export function addStep(type: StepType, place: StepPlace, nextId: () => string): Command<Workflow> {
  return {
    label: {
      'zh-CN': `添加${STEP_NAMES[type]['zh-CN']}步骤`,
      en: `Add ${STEP_NAMES[type].en.toLowerCase()} step`,
    },
    run(workflow) {
      const links = linksAt(workflow, place);
      if (isRefused(links)) return links;
      if (!STEP_NAMES[type]) return refuse(`没有 ${String(type)} 步骤`, `there is no ${String(type)} step`);
      const target = targetAt(workflow, links);
      const ids = stepIdMaker(workflow, nextId);
      const made = newStep(type, ids(type), workflow, type === 'end' ? undefined : target, () => ids('end'));
      const added = made.end ? [made.step, made.end] : [made.step];
      const listed = { ...workflow, steps: listAt(workflow.steps, listIndexAt(workflow, place), added) };
      const document = setLinks(listed, links, made.step.id, () => ids('end'));
      return { document, selection: [made.step.id] };
    },
  };
}
