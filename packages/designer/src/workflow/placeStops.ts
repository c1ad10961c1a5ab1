import { dropPlaces, flowPlaces, placeKey } from './dropPlaces.ts';
import { type Flow, flowOf } from './flow.ts';
import { placeBefore, type StepPlace } from './places.ts';
import type { Workflow } from './workflowTypes.ts';

// A keyboard move of a step card walks the places a pointer drag could drop it at: up and down in
// page order (into a branch's arms and out of them as they come), left and right to the same height
// of the neighbouring arm (out to the arms of the branch around it at the edge).

/** The arm of a branch card a place is in. */
export interface PlaceArm {
  readonly branch: string;
  readonly index: number;
}

/** A place a moved card can go to, with where it sits in the flow. */
export interface PlaceStop {
  readonly place: StepPlace;
  /** Its name (`placeKey`): the flow's "+" element for it has this `data-slot`. */
  readonly key: string;
  /** Its position among every place of the flow, in page order. */
  readonly order: number;
  /** The arm whose cards it is between (none in the main sequence). */
  readonly arm: PlaceArm | undefined;
  /** How far down its sequence: 0 at its start, n after its n-th card. */
  readonly depth: number;
}

/** Where a place sits: the arm holding it and how far down. */
export type PlaceSpot = Pick<PlaceStop, 'arm' | 'depth'>;

/** Where the places of a keyboard move are and where the card is now. */
export interface PlaceWalk {
  /** The places it can go to, in page order (`dropPlaces`). */
  readonly stops: readonly PlaceStop[];
  /** The page order of the place the card is at now (none for a card outside the flow). */
  readonly here: number | undefined;
  /** Where that place sits (the first Left/Right goes from there). */
  readonly spot: PlaceSpot;
}

/** The arm and depth of a place in the flow. */
function whereIs(flow: Flow, place: StepPlace): PlaceSpot {
  if ('start' in place) return { arm: undefined, depth: 0 };
  if ('branch' in place) return { arm: { branch: place.branch, index: place.arm }, depth: 0 };
  const position = flow.positions.get(place.after);
  return { arm: position?.arm, depth: (position?.index ?? 0) + 1 };
}

/** The places a keyboard move of the step `id` walks, and where it starts. */
export function placeWalk(workflow: Workflow, id: string): PlaceWalk {
  const flow = flowOf(workflow);
  const order = new Map(flowPlaces(workflow, flow).map((place, i) => [placeKey(place), i]));
  const stops = dropPlaces(workflow, id).map((place) => {
    const key = placeKey(place);
    return { place, key, order: order.get(key) ?? -1, ...whereIs(flow, place) };
  });
  const before = placeBefore(flow, id);
  return {
    stops,
    here: before === undefined ? undefined : order.get(placeKey(before)),
    spot: before === undefined ? { arm: undefined, depth: 0 } : whereIs(flow, before),
  };
}

/**
 * The stop after (`+1`) or before (`-1`) stop `at` in page order; from no stop yet (`at` undefined),
 * the first one below or above where the card is. Undefined past either end.
 */
export function nextStop(walk: PlaceWalk, at: number | undefined, direction: 1 | -1): number | undefined {
  const { stops } = walk;
  if (at !== undefined) {
    const next = at + direction;
    return next >= 0 && next < stops.length ? next : undefined;
  }
  const here = walk.here ?? -1;
  if (direction === 1) {
    const below = stops.findIndex((stop) => stop.order > here);
    return below === -1 ? undefined : below;
  }
  const above = stops.findLastIndex((stop) => stop.order < here);
  return above === -1 ? undefined : above;
}

/**
 * The stop in the nearest arm to the left (`-1`) or right (`+1`) of the arm of `from` (a stop, or
 * the walk's `spot` before the first arrow), at the depth closest to its own; past the last arm of a
 * branch, in the arms of the branch around it. Undefined when there is no arm that way (the main
 * sequence has none).
 */
export function sideStop(
  workflow: Workflow,
  walk: PlaceWalk,
  from: PlaceSpot,
  direction: 1 | -1,
): number | undefined {
  const flow = flowOf(workflow);
  let { arm, depth } = from;
  while (arm) {
    const { branch, index } = arm;
    const side = walk.stops
      .map((stop, i) => ({ stop, i }))
      .filter(({ stop }) => stop.arm?.branch === branch && (stop.arm.index - index) * direction > 0);
    if (side.length > 0) {
      const nearest = Math.min(...side.map(({ stop }) => Math.abs((stop.arm?.index ?? 0) - index)));
      const inArm = side.filter(({ stop }) => Math.abs((stop.arm?.index ?? 0) - index) === nearest);
      const closest = (a: (typeof inArm)[number], b: (typeof inArm)[number]) =>
        Math.abs(a.stop.depth - depth) <= Math.abs(b.stop.depth - depth) ? a : b;
      return inArm.reduce(closest).i;
    }
    // No arm that way: try the arms of the branch this one's branch card sits in.
    const outer = flow.positions.get(branch);
    arm = outer?.arm;
    depth = (outer?.index ?? 0) + 1;
  }
  return undefined;
}
