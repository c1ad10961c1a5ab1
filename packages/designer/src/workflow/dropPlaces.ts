import { isRefused } from '../core/Command.ts';
import { detach, regionAt } from './commands/region.ts';
import { type Flow, type FlowSequence, flowOf } from './flow.ts';
import { linksAt, placeBefore, type StepPlace, targetAt } from './places.ts';
import { stepById, type Workflow } from './workflowTypes.ts';

// Where a dragged step card may be dropped: the places the flow shows a "+" at (the start of the
// flow, the start of each branch arm, after each card), less those the move would refuse or that
// would leave everything as it is. Places are named by text so the view can tag its elements.

/** The name of a place: `start`, `arm:<branch>:<n>` or `after:<step>` (step ids hold no colon). */
export function placeKey(place: StepPlace): string {
  if ('start' in place) return 'start';
  if ('branch' in place) return `arm:${place.branch}:${place.arm}`;
  return `after:${place.after}`;
}

/** The place a name stands for (see `placeKey`), or undefined for any other text. */
export function placeOfKey(key: string): StepPlace | undefined {
  if (key === 'start') return { start: true };
  const [kind, id, arm, ...rest] = key.split(':');
  if (rest.length > 0 || id === undefined || id === '') return undefined;
  if (kind === 'after' && arm === undefined) return { after: id };
  const n = Number(arm);
  if (kind === 'arm' && arm !== '' && Number.isInteger(n) && n >= 0) return { branch: id, arm: n };
  return undefined;
}

/** Every place the flow shows a "+" at, in page order: a sequence's start, then after each card but an end step. */
export function flowPlaces(workflow: Workflow, flow: Flow = flowOf(workflow)): StepPlace[] {
  const places: StepPlace[] = [];
  const visit = (sequence: FlowSequence, entry: StepPlace) => {
    places.push(entry);
    for (const item of sequence.items) {
      if (item.kind === 'branch')
        item.arms.forEach((arm, n) => {
          visit(arm.sequence, { branch: item.id, arm: n });
        });
      if (stepById(workflow, item.id)?.type !== 'end') places.push({ after: item.id });
    }
  };
  visit(flow.main, { start: true });
  return places;
}

/**
 * The places a step's card can be dropped at, in page order: every place of the flow where `moveStep`
 * would put it and change something — not inside the card itself (a branch card's own arms), not the
 * place it is at, not after a branch whose arms all end elsewhere. End steps are never moved.
 */
export function dropPlaces(workflow: Workflow, id: string): StepPlace[] {
  const step = stepById(workflow, id);
  if (!step || step.type === 'end') return [];
  const flow = flowOf(workflow);
  const region = regionAt(workflow, id, flow);
  // Detached once for every place, as `moveStep` detaches it (a made-up end step id that no step has).
  const detached = detach(workflow, region, () => '$end');
  const here = placeBefore(flow, id);
  const hereKey = here === undefined ? undefined : placeKey(here);
  return flowPlaces(workflow, flow).filter((place) => {
    if (placeKey(place) === hereKey) return false;
    const anchor = 'after' in place ? place.after : 'branch' in place ? place.branch : undefined;
    if (anchor !== undefined && region.ids.has(anchor)) return false;
    const links = linksAt(detached, place);
    if (isRefused(links)) return false;
    const target = targetAt(detached, links);
    return target === undefined || !region.ids.has(target);
  });
}
