import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, useMemo, useRef, useState } from 'react';
import {
  type DragSubject,
  type DropSlot,
  openSlots,
  placeOfSlot,
  slotId,
  slotOfNode,
} from '../../form/dropSlots.ts';
import type { Form } from '../../form/formTree.ts';
import { useDesignerContext } from '../DesignerContext.ts';
import { DropTargetsContext } from './DropTargets.ts';
import { containerName, subjectName } from './dragNames.ts';
import { type DragData, subjectOf } from './dragSubject.ts';

/** What a drag knows from its start: the form then, what moves, where it may go, and its name. */
interface Drag {
  readonly form: Form;
  readonly subject: DragSubject;
  readonly name: string;
  readonly open: ReadonlySet<string>;
  /** For keyboard drags: the stops of the walk, one per distinct place, and where it is now. */
  readonly stops: readonly DropSlot[] | undefined;
  stop: number;
  /** The first place is announced with the pick-up (a live region reads only its latest text). */
  announced: boolean;
}

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };
const FORWARD = new Set(['ArrowDown', 'ArrowRight']);
const BACKWARD = new Set(['ArrowUp', 'ArrowLeft']);

/** The moved node ids of a subject (none for a palette item). */
function movedIds(subject: DragSubject): readonly string[] {
  return subject.kind === 'nodes' ? subject.ids : [];
}

/** Keyboard stops: the open slots, one per place (the slots either side of a moved node are one place). */
function stopsOf(form: Form, subject: DragSubject, open: readonly DropSlot[]): DropSlot[] {
  const seen = new Set<string>();
  return open.filter((slot) => {
    const place = `${slot.parent}:${placeOfSlot(form, slot, movedIds(subject)).index}`;
    if (seen.has(place)) return false;
    seen.add(place);
    return true;
  });
}

/**
 * The drag-and-drop context of the designer (@dnd-kit/core): palette cards and canvas handles are
 * draggables, the slots between nodes are droppables. Pointer drags drop at the closest slot that takes
 * the subject; keyboard drags (Space, arrows, Space/Enter or Escape) step from place to place in page
 * order, so they work the same on any layout. Every step is announced in the designer's locale, with
 * positions as they will be after the drop.
 */
export function DesignerDnd({ children }: { readonly children: ReactNode }): ReactNode {
  const { designer, messages, locale, report } = useDesignerContext();
  const drag = useRef<Drag | null>(null);
  const [active, setActive] = useState<{ name: string; open: ReadonlySet<string> } | null>(null);

  const coordinateGetter: KeyboardCoordinateGetter = (event, { currentCoordinates }) => {
    const stops = drag.current?.stops;
    const step = FORWARD.has(event.code) ? 1 : BACKWARD.has(event.code) ? -1 : 0;
    if (!drag.current || !stops || step === 0) return undefined;
    event.preventDefault();
    const next = drag.current.stop + step;
    if (next < 0 || next >= stops.length) return undefined;
    drag.current.stop = next;
    return { x: currentCoordinates.x, y: currentCoordinates.y + step * 8 };
  };
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    // Space picks up; Enter stays a click (a palette card adds its item, a handle selects its node).
    useSensor(KeyboardSensor, { coordinateGetter, keyboardCodes: KEYBOARD_CODES }),
  );

  const detect: CollisionDetection = (args) => {
    const current = drag.current;
    if (!current) return [];
    const stop = current.stops?.[current.stop];
    if (current.stops) return stop ? [{ id: stop.id }] : [];
    const droppableContainers = args.droppableContainers.filter((c) => current.open.has(String(c.id)));
    return closestCenter({ ...args, droppableContainers });
  };

  const where = (slot: DropSlot) => {
    const current = drag.current as Drag;
    const place = placeOfSlot(current.form, slot, movedIds(current.subject));
    return { position: (place.index ?? 0) + 1, container: containerName(current.form, slot, locale) };
  };
  const announcements: Announcements = {
    onDragStart: () => messages.pickedUp(drag.current?.name ?? ''),
    onDragOver: ({ over }) => {
      const current = drag.current;
      const slot = over?.data.current as DropSlot | undefined;
      if (!current) return undefined;
      const { position, container } = slot ? where(slot) : { position: 0, container: '' };
      const text = slot ? messages.over(position, container) : messages.overNothing;
      if (current.announced) return text;
      current.announced = true;
      return `${messages.pickedUp(current.name)} ${text}`;
    },
    onDragEnd: ({ over }) => {
      const current = drag.current;
      const slot = over?.data.current as DropSlot | undefined;
      if (!current) return undefined;
      if (!slot) return messages.cancelled(current.name);
      const { position, container } = where(slot);
      return messages.dropped(current.name, position, container);
    },
    onDragCancel: () => messages.cancelled(drag.current?.name ?? ''),
  };

  const onDragStart = (event: DragStartEvent) => {
    const { document: form, selection } = designer.getState();
    const subject = subjectOf(event.active.data.current as DragData, selection);
    if (subject.kind === 'nodes' && !selection.includes(subject.ids[0] ?? '')) designer.select(subject.ids);
    const open = openSlots(form, subject);
    const keyboard = event.activatorEvent instanceof KeyboardEvent;
    const stops = keyboard ? stopsOf(form, subject, open) : undefined;
    const start =
      subject.kind === 'nodes'
        ? slotOfNode(form, subject.ids[0] ?? '')
        : slotId(null, form.layout.root.length);
    const name = subjectName(form, designer.palette, subject, locale);
    const ids = new Set(open.map((slot) => slot.id));
    drag.current = {
      form,
      subject,
      name,
      open: ids,
      stops,
      stop: Math.max(0, stops?.findIndex((s) => s.id === start) ?? 0),
      announced: false,
    };
    setActive({ name, open: ids });
  };

  // The drag's record outlives its end by a moment: the end and cancel announcements read it.
  const onDragEnd = (event: DragEndEvent) => {
    const current = drag.current;
    setActive(null);
    const slot = event.over?.data.current as DropSlot | undefined;
    if (!current || !slot || !current.open.has(slot.id)) return;
    const form = designer.getState().document;
    const result =
      current.subject.kind === 'palette'
        ? designer.add(current.subject.itemId, placeOfSlot(form, slot))
        : designer.move(current.subject.ids, placeOfSlot(form, slot, current.subject.ids));
    report(result);
  };

  const accessibility = useMemo(
    () => ({ screenReaderInstructions: { draggable: messages.dragInstructions } }),
    [messages.dragInstructions],
  );
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={detect}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setActive(null)}
      accessibility={{ ...accessibility, announcements }}
    >
      <DropTargetsContext.Provider value={active?.open ?? null}>{children}</DropTargetsContext.Provider>
      <DragOverlay dropAnimation={null}>
        {active ? <div className="fbd-drag-card">{active.name}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}
