import {
  type Announcements,
  DndContext,
  DragOverlay,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import { placeWalk } from '../../workflow/placeStops.ts';
import { stepById } from '../../workflow/workflowTypes.ts';
import { DragCard } from '../dnd/DragCard.tsx';
import { type DropTargets, DropTargetsContext, NO_DRAG, useDropTargets } from '../dnd/DropTargets.ts';
import { followPointer, watchSlots } from '../dnd/slotTracking.ts';
import { arrowStep, dropPlace, type FlowDrag, showStop } from './flowDrag.ts';
import { stepMoveMessages } from './moveMessages.ts';
import { placeName } from './placeName.ts';
import { stepTitle, useWorkflowContext } from './WorkflowContext.ts';

const KEYBOARD_CODES = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] };

// The designer's own live region says what happens (in its locale); dnd-kit's stays quiet.
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
const NOWHERE = () => [];

/**
 * Drags of the workflow designer's step cards (@dnd-kit/core's pointer and keyboard sensors): the
 * places a card may go (`dropPlaces`: between cards, at the start of a branch arm, after a branch card)
 * are worked out when the drag starts and drawn open. A pointer drag drops at the one nearest the
 * pointer; a keyboard drag (Space on a card) walks them — Up/Down in page order, into and out of
 * branches, Left/Right to the same height of the neighbouring arm — saying each in the live region,
 * and Space/Enter drops (Escape cancels). The drop runs `moveStep` (one undo step). The places are the
 * flow's own "+" elements (`data-slot`), measured like the form designer's slots, so nothing
 * re-renders as the pointer moves. Alt+Up/Down still move a step one place (useWorkflowKeys).
 */
export function FlowDnd({
  targets,
  children,
}: {
  /** The drag's view (the designer's keys pause while it shows a drag). */
  readonly targets: DropTargets;
  readonly children: ReactNode;
}): ReactNode {
  const { designer, messages, locale, announce, report } = useWorkflowContext();
  const drag = useRef<FlowDrag | null>(null);
  const dragging = useStore(targets.view, (view) => view.open !== null);
  const words = stepMoveMessages(locale);

  const coordinateGetter = useCallback<KeyboardCoordinateGetter>(
    (event, { currentCoordinates }) => {
      const current = drag.current;
      const step = current?.keyboard ? arrowStep(current, event.code) : undefined;
      if (!current || !step) return undefined;
      event.preventDefault();
      if ('noArm' in step) announce(words.noArmThere(step.noArm));
      if (!('to' in step)) return undefined;
      showStop(targets.view, current);
      announce(words.stepOver(current.title, placeName(current.workflow, step.to, messages, locale)));
      // dnd-kit only needs to see the drag move (the drag card nudges): the place is ours.
      const back = event.code === 'ArrowUp' || event.code === 'ArrowLeft';
      return { x: currentCoordinates.x, y: currentCoordinates.y + (back ? -8 : 8) };
    },
    [announce, words, messages, locale, targets],
  );
  const keyboard = useMemo(() => ({ coordinateGetter, keyboardCodes: KEYBOARD_CODES }), [coordinateGetter]);
  // Space picks a card up; Enter stays a click (it selects the card).
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, keyboard),
  );

  // Once the open places are drawn: measure them, then follow the pointer to the nearest (a keyboard
  // drag shows its stop instead).
  useLayoutEffect(() => {
    const current = drag.current;
    const flow = targets.canvas.current;
    if (!dragging || !current || !flow) return undefined;
    let pointer: { update(): void; stop(): void } | undefined;
    const open = new Set(current.walk.stops.map((stop) => stop.key));
    const stopWatching = watchSlots(flow, open, (boxes) => {
      current.boxes = boxes;
      if (current.keyboard) showStop(targets.view, current);
      else pointer?.update();
    });
    if (current.keyboard) return stopWatching;
    pointer = followPointer(
      flow,
      () => current.boxes,
      current.pointer,
      (box) => {
        if (box === current.over) return;
        current.over = box;
        targets.view.setState({ over: box ?? null });
      },
    );
    return () => {
      stopWatching();
      pointer?.stop();
    };
  }, [dragging, targets]);

  const onDragStart = (event: DragStartEvent) => {
    const id = String(event.active.data.current?.id ?? '');
    const { document: workflow } = designer.getState();
    const step = stepById(workflow, id);
    if (!step) return;
    designer.select([id]);
    const title = stepTitle(step, locale);
    const walk = placeWalk(workflow, id);
    const activator = event.activatorEvent;
    const pointer =
      activator instanceof MouseEvent ? { x: activator.clientX, y: activator.clientY } : undefined;
    const isKeyboard = activator instanceof KeyboardEvent;
    drag.current = {
      id,
      title,
      workflow,
      walk,
      keyboard: isKeyboard,
      stop: undefined,
      pointer,
      boxes: [],
      over: undefined,
    };
    const open = new Set(walk.stops.map((stop) => stop.key));
    targets.view.setState({ name: title, open, over: null, keyboard: isKeyboard });
    announce(
      isKeyboard ? `${messages.pickedUpStep(title)} ${messages.dragStepKeys}` : messages.pickedUpStep(title),
    );
  };

  const onDragEnd = () => {
    const current = drag.current;
    drag.current = null;
    targets.view.setState(NO_DRAG);
    if (!current) return;
    const place = dropPlace(current);
    if (!place) {
      announce(messages.stepMoveCancelled(current.title));
      return;
    }
    const result = designer.moveStep(current.id, place);
    report(result);
    if (!result.ok) return;
    const where = placeName(current.workflow, place, messages, locale);
    announce(`${messages.stepMoved(current.title)} ${words.stepNowAt(where)}`);
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-card-id="${CSS.escape(current.id)}"]`)?.focus(),
    );
  };

  const onDragCancel = () => {
    const current = drag.current;
    drag.current = null;
    targets.view.setState(NO_DRAG);
    if (current) announce(messages.stepMoveCancelled(current.title));
  };

  return (
    <DropTargetsContext.Provider value={targets}>
      <DndContext
        sensors={sensors}
        collisionDetection={NOWHERE}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={onDragCancel}
        accessibility={{
          announcements: SILENT,
          screenReaderInstructions: { draggable: messages.dragStepHelp },
        }}
      >
        {children}
        <DragOverlay dropAnimation={null}>
          <DragCard />
        </DragOverlay>
      </DndContext>
    </DropTargetsContext.Provider>
  );
}

/** The flow element's ref: where the drag measures its places and draws its indicator. */
export function useFlowRef(): (element: HTMLElement | null) => void {
  const targets = useDropTargets();
  return useCallback(
    (element: HTMLElement | null) => {
      targets.canvas.current = element;
    },
    [targets],
  );
}

/**
 * A step card's drag: the pointer listeners and ref for the card (end steps are never moved), the id
 * of the text saying how to move it, and whether it is the one dragged. The card keeps its own role
 * (a button that selects it): dnd-kit's other attributes are not used.
 */
export function useStepDrag(id: string, movable: boolean) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({
    id: `step:${id}`,
    data: { id },
    disabled: !movable,
  });
  return {
    listeners,
    setNodeRef,
    isDragging,
    describedBy: movable ? attributes['aria-describedby'] : undefined,
  };
}
