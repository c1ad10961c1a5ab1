import {
  type Announcements,
  DndContext,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useDraggable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { type ReactNode, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { dropPlaces, placeKey, placeOfKey } from '../../workflow/dropPlaces.ts';
import { stepById } from '../../workflow/workflowTypes.ts';
import { DragCard } from '../dnd/DragCard.tsx';
import { createDropTargets, DropTargetsContext, NO_DRAG, useDropTargets } from '../dnd/DropTargets.ts';
import type { SlotBox } from '../dnd/slotGeometry.ts';
import { followPointer, type ScreenPoint, watchSlots } from '../dnd/slotTracking.ts';
import { stepTitle, useWorkflowContext } from './WorkflowContext.ts';

/** What a card drag knows from its start and where it would drop now (a place's key). */
interface FlowDrag {
  readonly id: string;
  readonly title: string;
  readonly open: ReadonlySet<string>;
  readonly pointer: ScreenPoint | undefined;
  boxes: readonly SlotBox[];
  over: SlotBox | undefined;
}

// The designer's own live region says what happens (in its locale); dnd-kit's stays quiet.
const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};
const NOWHERE = () => [];

/**
 * Pointer drags of the workflow designer's step cards (@dnd-kit/core's pointer sensor): the places a
 * card may go (`dropPlaces`: between cards, at the start of a branch arm, after a branch card) are
 * worked out when the drag starts and drawn open; the nearest one to the pointer gets the drop
 * indicator, and a drop there runs `moveStep` (one undo step). The places are the flow's own "+"
 * elements (`data-slot`), measured like the form designer's slots, so nothing re-renders as the pointer
 * moves. Keyboard users move steps with Alt+Up/Down instead (useWorkflowKeys).
 */
export function FlowDnd({ children }: { readonly children: ReactNode }): ReactNode {
  const { designer, messages, locale, announce, report } = useWorkflowContext();
  const [targets] = useState(createDropTargets);
  const drag = useRef<FlowDrag | null>(null);
  const dragging = useStore(targets.view, (view) => view.open !== null);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  // Once the open places are drawn: measure them and follow the pointer to the nearest.
  useLayoutEffect(() => {
    const current = drag.current;
    const flow = targets.canvas.current;
    if (!dragging || !current || !flow) return undefined;
    let pointer: { update(): void; stop(): void } | undefined;
    const stopWatching = watchSlots(flow, current.open, (boxes) => {
      current.boxes = boxes;
      pointer?.update();
    });
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
    const open = new Set(dropPlaces(workflow, id).map(placeKey));
    const activator = event.activatorEvent;
    const pointer =
      activator instanceof MouseEvent ? { x: activator.clientX, y: activator.clientY } : undefined;
    drag.current = { id, title, open, pointer, boxes: [], over: undefined };
    targets.view.setState({ name: title, open, over: null, keyboard: false });
    announce(messages.pickedUpStep(title));
  };

  const onDragEnd = () => {
    const current = drag.current;
    drag.current = null;
    targets.view.setState(NO_DRAG);
    if (!current) return;
    const place = current.over ? placeOfKey(current.over.id) : undefined;
    if (!place) {
      announce(messages.stepMoveCancelled(current.title));
      return;
    }
    const result = designer.moveStep(current.id, place);
    report(result);
    if (!result.ok) return;
    announce(messages.stepMoved(current.title));
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
