import type { CSSProperties, ReactNode } from 'react';
import type { DashboardResult } from '../../../dashboard/dashboardProblems.ts';
import { bottomOf } from '../../../dashboard/gridLayout.ts';
import { useDashboardDesigner, useDashboardState } from '../DashboardDesignerContext.ts';
import { useGridDrop } from './GridDnd.tsx';
import { DEFAULT_ROW_HEIGHT, GRID_GAP } from './gridGeometry.ts';
import { WidgetCard } from './WidgetCard.tsx';

/** Empty rows kept below the last widget, so there is room to drop a new one. */
const SPARE_ROWS = 4;

/** How many problems concern each widget. */
function problemCounts(result: DashboardResult): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  if (!result.ok)
    for (const p of result.problems)
      if (p.widgetId) counts.set(p.widgetId, (counts.get(p.widgetId) ?? 0) + 1);
  return counts;
}

/**
 * The dashboard's grid as it will look: each widget a card at its cells with its live preview, the
 * drop indicator while dragging; a click on the background clears the selection.
 */
export function GridCanvas({ result }: { readonly result: DashboardResult }): ReactNode {
  const { designer, messages } = useDashboardDesigner();
  const { gridRef, target } = useGridDrop();
  const widgets = useDashboardState((s) => s.document.widgets);
  const grid = useDashboardState((s) => s.document.grid);
  const selection = useDashboardState((s) => s.selection);
  const rowHeight = grid.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const rows = Math.max(bottomOf(widgets), target ? target.y + target.h : 0) + SPARE_ROWS;
  const style: CSSProperties = {
    gridTemplateColumns: `repeat(${grid.columns}, minmax(0, 1fr))`,
    gridTemplateRows: `repeat(${rows}, ${rowHeight}px)`,
    gap: GRID_GAP,
    backgroundSize: `calc((100% + ${GRID_GAP}px) / ${grid.columns}) ${rowHeight + GRID_GAP}px`,
  };
  const counts = problemCounts(result);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape clears the selection from the keyboard
    <section
      className="fbdd-canvas"
      aria-label={messages.canvas}
      tabIndex={-1}
      onClick={(event) => {
        if (event.target === event.currentTarget || event.target === gridRef.current) designer.select([]);
      }}
    >
      {widgets.length === 0 ? <p className="fbd-empty">{messages.emptyCanvas}</p> : null}
      <div ref={gridRef} className="fbdd-grid" data-columns={grid.columns} style={style}>
        {widgets.map((widget) => (
          <WidgetCard
            key={widget.id}
            widget={widget}
            rowHeight={rowHeight}
            selected={selection.includes(widget.id)}
            problems={counts.get(widget.id) ?? 0}
          />
        ))}
        {target ? (
          <div
            className="fbdd-drop"
            aria-hidden="true"
            style={{
              gridColumn: `${target.x + 1} / span ${target.w}`,
              gridRow: `${target.y + 1} / span ${target.h}`,
            }}
          >
            {messages.dropAt(target.x + 1, target.y + 1, target.w, target.h)}
          </div>
        ) : null}
      </div>
    </section>
  );
}
