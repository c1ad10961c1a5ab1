import type { Announcements } from '@dnd-kit/core';
import type { Locale } from '@formboard/formula';
import type { StoreApi } from 'zustand/vanilla';
import { type DragSubject, type DropSlot, placeOfSlot } from '../../form/dropSlots.ts';
import type { Form } from '../../form/formTree.ts';
import type { DesignerMessages } from '../messages.ts';
import type { DropView } from './DropTargets.ts';
import { containerName } from './dragNames.ts';
import type { SlotBox } from './slotGeometry.ts';
import type { ScreenPoint } from './slotTracking.ts';

/** What a drag knows from its start (the form then, what moves, where it may go, its name) and where it is. */
export interface DragRecord {
  readonly form: Form;
  readonly subject: DragSubject;
  readonly name: string;
  /** The slots that take the subject, by id. */
  readonly open: ReadonlyMap<string, DropSlot>;
  /** For keyboard drags: the stops of the walk, one per distinct place, and where it is now. */
  readonly stops: readonly DropSlot[] | undefined;
  stop: number;
  /** Where a pointer drag started on screen. */
  readonly pointer: ScreenPoint | undefined;
  /** The open slots' boxes in page order and by id, measured once they are drawn open. */
  boxes: readonly SlotBox[];
  boxOf: ReadonlyMap<string, SlotBox>;
  /** Where a drop would go now. */
  over: DropSlot | undefined;
  /** The place announced last (null: "cannot drop here"), and whether the pick-up was said with one. */
  said: string | null;
  announced: boolean;
}

/** The moved node ids of a subject (none for a palette item). */
export function movedIds(subject: DragSubject): readonly string[] {
  return subject.kind === 'nodes' ? subject.ids : [];
}

/** Makes the slot `id` (or none) where a drop would go, in the record and in the view the canvas draws. */
export function goTo(view: StoreApi<DropView>, drag: DragRecord, id: string | undefined): void {
  const slot = id === undefined ? undefined : drag.open.get(id);
  const box = (slot && drag.boxOf.get(slot.id)) ?? null;
  if (slot === drag.over && view.getState().over === box) return;
  drag.over = slot;
  view.setState({ over: box });
}

/**
 * What the drag says to screen readers, in the designer's locale: the pick-up (with the first place for
 * keyboard drags), each new place as it changes (positions as they will be after the drop), the drop or
 * the cancel. Places are our own slots, not dnd-kit's droppables, so they are said from `onDragMove`.
 */
export function dragAnnouncements(
  record: () => DragRecord | null,
  messages: DesignerMessages,
  locale: Locale,
): Announcements {
  const where = (drag: DragRecord, slot: DropSlot) => {
    const place = placeOfSlot(drag.form, slot, movedIds(drag.subject));
    return { position: (place.index ?? 0) + 1, container: containerName(drag.form, slot, locale) };
  };
  const placeText = (drag: DragRecord) => {
    if (!drag.over) return messages.overNothing;
    const { position, container } = where(drag, drag.over);
    return messages.over(position, container);
  };
  return {
    onDragStart: () => {
      const drag = record();
      if (!drag) return undefined;
      if (!drag.announced) return messages.pickedUp(drag.name);
      return `${messages.pickedUp(drag.name)} ${placeText(drag)}`;
    },
    onDragMove: () => {
      const drag = record();
      const id = drag?.over?.id ?? null;
      if (!drag || id === drag.said) return undefined;
      drag.said = id;
      if (drag.announced) return placeText(drag);
      drag.announced = true;
      return `${messages.pickedUp(drag.name)} ${placeText(drag)}`;
    },
    onDragOver: () => undefined,
    onDragEnd: () => {
      const drag = record();
      if (!drag) return undefined;
      if (!drag.over) return messages.cancelled(drag.name);
      const { position, container } = where(drag, drag.over);
      return messages.dropped(drag.name, position, container);
    },
    onDragCancel: () => messages.cancelled(record()?.name ?? ''),
  };
}
