import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  type DragMoveEvent,
  DragOverlay,
  type DragStartEvent,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { localize } from '@formboard/schema';
import { createContext, type ReactNode, type RefObject, useContext, useMemo, useRef, useState } from 'react';
import type { Box } from '../../../dashboard/dashboardTypes.ts';
import { clampBox } from '../../../dashboard/gridLayout.ts';
import { suggestedSource } from '../../../dashboard/widgetDefaults.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import type { GridDragData } from './dragData.ts';
import { cellAt, DEFAULT_ROW_HEIGHT, type GridMetrics, movedBox, resizedBox } from './gridGeometry.ts';

/** What the grid canvas needs from the drag: where to measure it, and the box a drop would take. */
export interface GridDropState {
  readonly gridRef: RefObject<HTMLDivElement | null>;
  readonly target: Box | undefined;
  /** The widget being moved or resized, shown faded. */
  readonly activeId: string | undefined;
}

const GridDropContext = createContext<GridDropState | null>(null);

/** The drag state of the grid; only inside <GridDnd>. */
export function useGridDrop(): GridDropState {
  const value = useContext(GridDropContext);
  if (!value) throw new Error('useGridDrop must be used inside <GridDnd>');
  return value;
}

/** What a drag knows from its start. */
interface Drag {
  readonly data: GridDragData;
  readonly metrics: GridMetrics;
  readonly pointer: { readonly x: number; readonly y: number };
  readonly start: Box | undefined;
}

const SILENT: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
};

/**
 * Pointer drags of the dashboard designer (@dnd-kit/core's pointer sensor): palette cards onto the
 * grid, widget cards to move them, handles to resize them. No droppables: the target cells come from
 * the pointer and the grid's measured cells, shown by the canvas as a drop indicator. Keyboard users
 * move and resize with arrow keys on the focused card instead (useDashboardShortcuts), which needs no
 * pick-up step; both paths run the same commands and announce the result.
 */
export function GridDnd({ children }: { readonly children: ReactNode }): ReactNode {
  const { designer, messages, locale, report, announce } = useDashboardDesigner();
  const gridRef = useRef<HTMLDivElement | null>(null);
  const drag = useRef<Drag | null>(null);
  const [target, setTarget] = useState<Box | undefined>(undefined);
  const [active, setActive] = useState<GridDragData | undefined>(undefined);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }));

  const targetOf = (current: Drag, dx: number, dy: number): Box | undefined => {
    const { columns } = current.metrics;
    if (current.data.kind === 'palette') {
      const cell = cellAt(current.metrics, current.pointer.x + dx, current.pointer.y + dy);
      const item = designer.palette.get(current.data.type);
      if (!cell || !item) return undefined;
      return clampBox({ ...cell, w: (item.size.w * columns) / 12, h: item.size.h }, columns);
    }
    if (!current.start) return undefined;
    if (current.data.kind === 'move')
      return clampBox(movedBox(current.start, dx, dy, current.metrics), columns);
    const resized = resizedBox(current.start, current.data.edge, dx, dy, current.metrics);
    return clampBox({ ...resized, w: Math.min(resized.w, columns - resized.x) }, columns);
  };

  const onDragStart = (event: DragStartEvent) => {
    const data = event.active.data.current as GridDragData | undefined;
    const grid = gridRef.current;
    if (!data || !grid) return;
    const { document: dashboard } = designer.getState();
    const rect = grid.getBoundingClientRect();
    const activator = event.activatorEvent as PointerEvent;
    const start =
      data.kind === 'palette' ? undefined : dashboard.widgets.find((w) => w.id === data.id)?.layout;
    if (data.kind !== 'palette') designer.select([data.id]);
    drag.current = {
      data,
      metrics: {
        left: rect.left,
        top: rect.top,
        width: rect.width,
        columns: dashboard.grid.columns,
        rowHeight: dashboard.grid.rowHeight ?? DEFAULT_ROW_HEIGHT,
      },
      pointer: { x: activator.clientX ?? 0, y: activator.clientY ?? 0 },
      start,
    };
    setActive(data);
  };

  const onDragMove = (event: DragMoveEvent) => {
    if (drag.current) setTarget(targetOf(drag.current, event.delta.x, event.delta.y));
  };

  const end = () => {
    drag.current = null;
    setActive(undefined);
    setTarget(undefined);
  };

  const onDragEnd = (event: DragEndEvent) => {
    const current = drag.current;
    const box = current ? targetOf(current, event.delta.x, event.delta.y) : undefined;
    end();
    if (!current || !box) return;
    const { data } = current;
    if (data.kind === 'palette') {
      const { document: dashboard, selection } = designer.getState();
      const source = suggestedSource(dashboard, selection, designer.sources.forms);
      const result = designer.add(data.type, { at: box, ...(source ? { source } : {}) });
      report(result);
      const name = designer.palette.get(data.type)?.name[locale] ?? data.type;
      if (result.ok) announce(messages.added(name, box.x + 1, box.y + 1));
      return;
    }
    const result =
      data.kind === 'move' ? designer.move(data.id, box.x, box.y) : designer.resize(data.id, box.w, box.h);
    report(result);
    const widget = designer.getState().document.widgets.find((w) => w.id === data.id);
    if (!result.ok || !widget) return;
    const title = localize(widget.title, locale) || widget.id;
    const { x, y, w, h } = widget.layout;
    announce(data.kind === 'move' ? messages.movedTo(title, x + 1, y + 1) : messages.resizedTo(title, w, h));
  };

  const state = useMemo<GridDropState>(
    () => ({ gridRef, target, activeId: active && active.kind !== 'palette' ? active.id : undefined }),
    [target, active],
  );
  const name =
    active?.kind === 'palette' ? (designer.palette.get(active.type)?.name[locale] ?? active.type) : undefined;
  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragMove={onDragMove}
      onDragEnd={onDragEnd}
      onDragCancel={end}
      accessibility={{ announcements: SILENT, screenReaderInstructions: { draggable: messages.cardHelp } }}
    >
      <GridDropContext.Provider value={state}>{children}</GridDropContext.Provider>
      <DragOverlay dropAnimation={null}>
        {name ? <div className="fbd-drag-card">{name}</div> : null}
      </DragOverlay>
    </DndContext>
  );
}
