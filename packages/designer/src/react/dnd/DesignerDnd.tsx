import {
  type Collision,
  type CollisionDetection,
  DndContext,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
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
import { DragCard } from './DragCard.tsx';
import { createDropTargets, DropTargetsContext, NO_DRAG } from './DropTargets.ts';
import { subjectName } from './dragNames.ts';
import { type DragRecord, dragAnnouncements, goTo, movedIds } from './dragRecord.ts';
import { type DragData, subjectOf } from './dragSubject.ts';
import { NodeDragProxy } from './NodeDragProxy.tsx';
import { createNodeDragSource, NODE_DRAG_ID, NodeDragContext } from './nodeDragSource.ts';
import { followPointer, watchSlots } from './slotTracking.ts';
import { CANVAS_DROP_ID } from './useCanvasDrop.ts';

const POINTER = { activationConstraint: { distance: 4 } };
const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };
const FORWARD = new Set(['ArrowDown', 'ArrowRight']);
const BACKWARD = new Set(['ArrowUp', 'ArrowLeft']);
// The same arrays every time: dnd-kit's context changes when its collisions do.
const OVER_CANVAS: Collision[] = [{ id: CANVAS_DROP_ID }];
const NOWHERE: Collision[] = [];

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
 * draggables; the canvas is the one droppable (for dnd-kit's auto-scroll). The slots between nodes are
 * ours: measured once when a drag starts, the nearest open one to the pointer is where a pointer drag
 * drops; keyboard drags (Space, arrows, Space/Enter or Escape) step from place to place in page order,
 * so they work the same on any layout. Every step is announced in the designer's locale, with positions
 * as they will be after the drop. Nothing but the drag card and the drop indicator re-renders as the
 * pointer moves.
 */
export function DesignerDnd({ children }: { readonly children: ReactNode }): ReactNode {
  const { designer, messages, locale, report } = useDesignerContext();
  const [targets] = useState(createDropTargets);
  const [source] = useState(createNodeDragSource);
  const drag = useRef<DragRecord | null>(null);
  const dragging = useStore(targets.view, (view) => view.open !== null);

  // Once the open slots are drawn: measure them (again when nodes change size), then show the
  // keyboard's stop or follow the pointer.
  useLayoutEffect(() => {
    const current = drag.current;
    const canvas = targets.canvas.current;
    if (!dragging || !current || !canvas) return undefined;
    let pointer: { update(): void; stop(): void } | undefined;
    const stopWatching = watchSlots(canvas, new Set(current.open.keys()), (boxes) => {
      current.boxes = boxes;
      current.boxOf = new Map(boxes.map((box) => [box.id, box]));
      if (pointer) pointer.update();
      else goTo(targets.view, current, current.over?.id);
    });
    if (!current.stops)
      pointer = followPointer(
        canvas,
        () => current.boxes,
        current.pointer,
        (box) => goTo(targets.view, current, box?.id),
      );
    return () => {
      stopWatching();
      pointer?.stop();
    };
  }, [dragging, targets]);

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, { currentCoordinates }) => {
      const current = drag.current;
      const stops = current?.stops;
      const step = FORWARD.has(event.code) ? 1 : BACKWARD.has(event.code) ? -1 : 0;
      if (!current || !stops || step === 0) return undefined;
      event.preventDefault();
      const next = current.stop + step;
      if (next < 0 || next >= stops.length) return undefined;
      current.stop = next;
      goTo(targets.view, current, stops[next]?.id);
      return { x: currentCoordinates.x, y: currentCoordinates.y + step * 8 };
    },
    [targets],
  );
  const keyboard = useMemo(() => ({ coordinateGetter, keyboardCodes: KEYBOARD_CODES }), [coordinateGetter]);
  // Space picks up; Enter stays a click (a palette card adds its item, a handle selects its node).
  const sensors = useSensors(useSensor(PointerSensor, POINTER), useSensor(KeyboardSensor, keyboard));
  const detect: CollisionDetection = () => (drag.current ? OVER_CANVAS : NOWHERE);

  const onDragStart = (event: DragStartEvent) => {
    const { document: form, selection } = designer.getState();
    const grabbed = event.active.id === NODE_DRAG_ID ? source.grabbed : null;
    const data =
      grabbed === null ? (event.active.data.current as DragData) : { kind: 'node' as const, id: grabbed };
    const subject = subjectOf(data, selection);
    if (subject.kind === 'nodes' && !selection.includes(subject.ids[0] ?? '')) designer.select(subject.ids);
    // Nowhere to drop while the canvas is not shown (the preview).
    const open = targets.canvas.current ? openSlots(form, subject) : [];
    const activator = event.activatorEvent;
    const isKeyboard = activator instanceof KeyboardEvent;
    const stops = isKeyboard ? stopsOf(form, subject, open) : undefined;
    const start =
      subject.kind === 'nodes'
        ? slotOfNode(form, subject.ids[0] ?? '')
        : slotId(null, form.layout.root.length);
    const stop = Math.max(0, stops?.findIndex((s) => s.id === start) ?? 0);
    const name = subjectName(form, designer.palette, subject, locale);
    const over = stops?.[stop];
    drag.current = {
      form,
      subject,
      name,
      open: new Map(open.map((slot) => [slot.id, slot])),
      stops,
      stop,
      pointer: activator instanceof MouseEvent ? { x: activator.clientX, y: activator.clientY } : undefined,
      boxes: [],
      boxOf: new Map(),
      over,
      // A keyboard drag says its first place with the pick-up; a pointer drag once it is over one.
      said: over?.id ?? null,
      announced: over !== undefined,
    };
    targets.view.setState({
      name,
      open: new Set(open.map((slot) => slot.id)),
      over: null,
      keyboard: isKeyboard,
      grabbed,
    });
  };

  // A keyboard drag of a node leaves the focus on its handle, which is a new element when the node moved
  // to another container (dnd-kit would focus the proxy's old one): once the canvas drew the drop.
  const endDrag = () => {
    const { grabbed, keyboard } = targets.view.getState();
    targets.view.setState(NO_DRAG);
    if (!grabbed || !keyboard) return;
    requestAnimationFrame(() =>
      targets.canvas.current
        ?.querySelector<HTMLElement>(`[data-handle-for="${CSS.escape(grabbed)}"]`)
        ?.focus(),
    );
  };

  // The drag's record outlives its end by a moment: the end and cancel announcements read it.
  const onDragEnd = () => {
    const current = drag.current;
    endDrag();
    const slot = current?.over;
    if (!current || !slot) return;
    const form = designer.getState().document;
    const result =
      current.subject.kind === 'palette'
        ? designer.add(current.subject.itemId, placeOfSlot(form, slot))
        : designer.move(current.subject.ids, placeOfSlot(form, slot, current.subject.ids));
    report(result);
  };

  const accessibility = useMemo(
    () => ({
      screenReaderInstructions: { draggable: messages.dragInstructions },
      announcements: dragAnnouncements(() => drag.current, messages, locale),
    }),
    [messages, locale],
  );
  return (
    <DropTargetsContext.Provider value={targets}>
      <NodeDragContext.Provider value={source}>
        <DndContext
          sensors={sensors}
          collisionDetection={detect}
          onDragStart={onDragStart}
          onDragEnd={onDragEnd}
          onDragCancel={endDrag}
          accessibility={accessibility}
        >
          {children}
          <NodeDragProxy source={source} roleDescription={messages.draggableComponent} />
          <DragOverlay dropAnimation={null}>
            <DragCard />
          </DragOverlay>
        </DndContext>
      </NodeDragContext.Provider>
    </DropTargetsContext.Provider>
  );
}
