import type { CSSProperties } from 'react';
import { useRenderer } from '../RendererContext.ts';
import { LayoutChildren } from './LayoutNodeView.tsx';
import type { NodeOf } from './nodeTypes.ts';

/**
 * Each column's width in a 24-column grid: its span, or an equal share of what the spanned ones leave.
 * The CSS stacks columns into one on narrow screens (a container query on the form's width).
 */
export function columnSpans(spans: readonly (number | undefined)[]): number[] {
  const fixed = spans.reduce<number>((sum, s) => sum + (s ?? 0), 0);
  const free = spans.filter((s) => s === undefined).length;
  const share = free > 0 ? Math.max(1, Math.floor((24 - fixed) / free)) : 0;
  return spans.map((s) => s ?? share);
}

/** Side-by-side columns. */
export function Columns({ node }: { readonly node: NodeOf<'columns'> }) {
  const { layout } = useRenderer();
  const columns = node.children.map((id) => ({ id, node: layout.node(id) }));
  const spans = columnSpans(columns.map((c) => (c.node?.type === 'column' ? c.node.span : undefined)));
  return (
    <div className="fb-columns">
      {columns.map(({ id, node: column }, i) =>
        column?.type === 'column' ? (
          <div key={id} className="fb-column" style={{ '--fb-span': spans[i] ?? 24 } as CSSProperties}>
            <LayoutChildren ids={column.children} />
          </div>
        ) : null,
      )}
    </div>
  );
}
