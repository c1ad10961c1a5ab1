import { exitsOf, type Flow, flowOf, itemOf, regionOf } from '../flow.ts';
import { continuation, type LinkRef, linksInto, setLinks, targetOf } from '../links.ts';
import { stepById, type Workflow } from '../workflowTypes.ts';

/** A card and what it stands for: its steps, the links leaving it, and the step they lead to. */
export interface Region {
  readonly ids: ReadonlySet<string>;
  /** The links by which the run leaves the card (a step's `next`, a branch card's arm ends). */
  readonly exits: readonly LinkRef[];
  /** Where the run goes after the card (undefined: it ends), never a step of the card. */
  readonly after: string | undefined;
}

/** The region of a step's card: the step, and for a branch card the steps in its arms. */
export function regionAt(workflow: Workflow, id: string, flow: Flow = flowOf(workflow)): Region {
  const ids = new Set(regionOf(flow, id));
  const item = itemOf(flow, id);
  const step = stepById(workflow, id);
  let exits: LinkRef[];
  if (item?.kind === 'branch') exits = exitsOf(workflow, item);
  else {
    const own = step ? continuation(step) : undefined;
    exits = own ? [own] : [];
  }
  const first = exits[0];
  const target = first ? targetOf(workflow, first) : undefined;
  return { ids, exits, after: target !== undefined && ids.has(target) ? undefined : target };
}

/**
 * Takes a region out of the run: every link from elsewhere into one of its steps leads to where the
 * region led instead. Its steps stay listed (a move puts them back; a removal drops them).
 */
export function detach(workflow: Workflow, region: Region, endId: () => string): Workflow {
  return setLinks(workflow, linksInto(workflow, region.ids, region.ids), region.after, endId);
}
