import type { StoreApi } from 'zustand/vanilla';
import { placeOfKey } from '../../workflow/dropPlaces.ts';
import { nextStop, type PlaceWalk, sideStop } from '../../workflow/placeStops.ts';
import type { StepPlace } from '../../workflow/places.ts';
import type { Workflow } from '../../workflow/workflowTypes.ts';
import type { DropView } from '../dnd/DropTargets.ts';
import type { SlotBox } from '../dnd/slotGeometry.ts';
import type { ScreenPoint } from '../dnd/slotTracking.ts';

/** What a card drag knows from its start and where it would drop now. */
export interface FlowDrag {
  readonly id: string;
  readonly title: string;
  /** The workflow when the drag started: its places are named in it. */
  readonly workflow: Workflow;
  readonly walk: PlaceWalk;
  readonly keyboard: boolean;
  /** For a keyboard drag: the stop of `walk` it is at (none until the first arrow). */
  stop: number | undefined;
  /** Where a pointer drag started on screen. */
  readonly pointer: ScreenPoint | undefined;
  /** The open places' boxes, measured once they are drawn. */
  boxes: readonly SlotBox[];
  /** The box a drop would go to now. */
  over: SlotBox | undefined;
}

/** The place a drop would go to now: the keyboard's stop, or the key of the box under the pointer. */
export function dropPlace(drag: FlowDrag): StepPlace | undefined {
  if (!drag.keyboard) return drag.over ? placeOfKey(drag.over.id) : undefined;
  return drag.stop === undefined ? undefined : drag.walk.stops[drag.stop]?.place;
}

/** Draws the drop indicator over a keyboard drag's stop (once its box is measured). */
export function showStop(view: StoreApi<DropView>, drag: FlowDrag): void {
  const stop = drag.stop === undefined ? undefined : drag.walk.stops[drag.stop];
  drag.over = stop && drag.boxes.find((box) => box.id === stop.key);
  view.setState({ over: drag.over ?? null });
}

/** What an arrow key did to a keyboard drag: the stop it went to, or the side it found no arm on. */
export type ArrowStep =
  | { readonly to: StepPlace }
  | { readonly noArm: 'left' | 'right' }
  | { readonly stay: true };

const ARROWS: Readonly<Record<string, readonly ['vertical' | 'sideways', 1 | -1]>> = {
  ArrowUp: ['vertical', -1],
  ArrowDown: ['vertical', 1],
  ArrowLeft: ['sideways', -1],
  ArrowRight: ['sideways', 1],
};

/**
 * Moves a keyboard drag by an arrow key (`event.code`): Up/Down to the previous/next place in page
 * order, Left/Right to the neighbouring arm; undefined for other keys.
 */
export function arrowStep(drag: FlowDrag, code: string): ArrowStep | undefined {
  const direction = ARROWS[code];
  if (!direction) return undefined;
  const [axis, by] = direction;
  const from = drag.stop;
  const next =
    axis === 'vertical'
      ? nextStop(drag.walk, from, by)
      : sideStop(
          drag.workflow,
          drag.walk,
          (from === undefined ? undefined : drag.walk.stops[from]) ?? drag.walk.spot,
          by,
        );
  const stop = next === undefined ? undefined : drag.walk.stops[next];
  if (!stop) return axis === 'vertical' ? { stay: true } : { noArm: by === 1 ? 'right' : 'left' };
  drag.stop = next;
  return { to: stop.place };
}
