import { type KeyboardEvent, memo, type ReactNode, useCallback, useMemo, useRef } from 'react';
import { childrenOf, type Form, indexLayout } from '../form/formTree.ts';
import { nodeLabel } from '../form/nodeLabel.ts';
import { nodeTypeName } from '../form/nodeNames.ts';
import { useDesignerContext, useDesignerState } from './DesignerContext.ts';

interface Row {
  readonly id: string;
  readonly level: number;
  readonly position: number;
  readonly siblings: number;
  readonly label: string;
  readonly type: string;
}

function rowsOf(form: Form, locale: 'zh-CN' | 'en'): Row[] {
  const { order, parent } = indexLayout(form.layout);
  const depth = new Map<string, number>();
  return order.map((id) => {
    const container = parent.get(id) ?? null;
    const level = container === null ? 1 : (depth.get(container) ?? 0) + 1;
    depth.set(id, level);
    const siblings = childrenOf(form.layout, container);
    const type = form.layout.nodes[id]?.type ?? '';
    return {
      id,
      level,
      position: siblings.indexOf(id) + 1,
      siblings: siblings.length,
      label: nodeLabel(form, id, locale),
      type: nodeTypeName(type)[locale],
    };
  });
}

/** One node of the outline; re-rendered only when it, its selection or its tab stop changes. */
const OutlineRow = memo(function OutlineRow({
  row,
  index,
  selected,
  tabbable,
  onSelect,
  onKey,
}: {
  readonly row: Row;
  readonly index: number;
  readonly selected: boolean;
  readonly tabbable: boolean;
  readonly onSelect: (id: string, add: boolean) => void;
  readonly onKey: (event: KeyboardEvent, index: number) => void;
}): ReactNode {
  return (
    <div
      role="treeitem"
      aria-level={row.level}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      data-outline-id={row.id}
      className="fbd-outline-item"
      style={{ paddingInlineStart: `${row.level - 1}em` }}
      onClick={(event) => onSelect(row.id, event.ctrlKey || event.metaKey || event.shiftKey)}
      onKeyDown={(event) => onKey(event, index)}
    >
      <span className="fbd-outline-type">{row.type}</span> {row.label}
    </div>
  );
});

/**
 * The outline: every node as a tree item (ARIA tree, one tab stop). Up/Down/Home/End move the
 * selection, Ctrl/Cmd+click or Ctrl/Cmd+Space add to it.
 */
export function Outline(): ReactNode {
  const { designer, messages, locale } = useDesignerContext();
  const layout = useDesignerState((s) => s.document.layout);
  const data = useDesignerState((s) => s.document.data);
  const selection = useDesignerState((s) => s.selection);
  // biome-ignore lint/correctness/useExhaustiveDependencies: labels read the layout and the data
  const rows = useMemo(() => rowsOf(designer.getState().document, locale), [designer, layout, data, locale]);
  const list = useRef<HTMLDivElement>(null);
  const current = selection[selection.length - 1] ?? rows[0]?.id;

  const onSelect = useCallback(
    (id: string, add: boolean) => (add ? designer.toggleSelection(id) : designer.select([id])),
    [designer],
  );
  const onKey = useCallback(
    (event: KeyboardEvent, index: number) => {
      const move: Record<string, number> = {
        ArrowDown: index + 1,
        ArrowUp: index - 1,
        Home: 0,
        End: rows.length - 1,
      };
      const target = move[event.key];
      if (target !== undefined) {
        event.preventDefault();
        const row = rows[Math.max(0, Math.min(rows.length - 1, target))];
        if (!row) return;
        designer.select([row.id]);
        list.current?.querySelector<HTMLElement>(`[data-outline-id="${CSS.escape(row.id)}"]`)?.focus();
      } else if (event.key === ' ' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        designer.toggleSelection(rows[index]?.id ?? '');
      }
    },
    [designer, rows],
  );
  return (
    <nav className="fbd-outline" aria-label={messages.outline}>
      <div role="tree" aria-label={messages.outline} aria-multiselectable="true" ref={list}>
        {rows.map((row, index) => (
          <OutlineRow
            key={row.id}
            row={row}
            index={index}
            selected={selection.includes(row.id)}
            tabbable={row.id === current}
            onSelect={onSelect}
            onKey={onKey}
          />
        ))}
      </div>
    </nav>
  );
}
