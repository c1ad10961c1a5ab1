import type { DashboardWidget } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type ReactNode, useMemo, useState } from 'react';
import { alignmentTreeModel, type TreeNode } from '../../core/alignmentTreeModel.ts';
import { COLOR_HEX, NEUTRAL } from '../../core/colors.ts';
import type { WidgetContext, WidgetProps } from '../WidgetContext.ts';
import { RecordLink } from './RecordLink.tsx';

type AlignmentTreeWidget = Extract<DashboardWidget, { type: 'alignmentTree' }>;

interface NodeProps {
  readonly node: TreeNode;
  readonly widget: AlignmentTreeWidget;
  readonly context: WidgetContext;
  readonly expandDepth: number;
}

/** One objective: a toggle when it has children, its title, owner and progress bar, then its children. */
function TreeItem({ node, widget, context, expandDepth }: NodeProps): ReactNode {
  const [open, setOpen] = useState(node.depth < expandDepth - 1);
  const { format, messages } = context;
  const display = widget.display ?? {};
  const color = node.band ? COLOR_HEX[node.band.color] : NEUTRAL;
  const hasChildren = node.children.length > 0;
  return (
    <li className="fb-tree-item" data-level={node.depth + 1}>
      <div className="fb-tree-line" style={{ paddingInlineStart: node.depth * 16 }}>
        {hasChildren ? (
          <button
            type="button"
            className="fb-tree-toggle"
            aria-label={open ? messages.collapse(node.title) : messages.expand(node.title)}
            aria-expanded={open}
            onClick={() => setOpen(!open)}
          >
            {open ? '▾' : '▸'}
          </button>
        ) : (
          <span className="fb-tree-toggle" />
        )}
        <span className="fb-tree-title">
          <RecordLink widget={widget} context={context} values={{}} recordId={node.id}>
            {node.title}
          </RecordLink>
        </span>
        {display.showOwner !== false && node.owner !== null && (
          <span className="fb-tree-owner">
            {context.nameOf(widget.tree.ownerField ?? 'owner', node.owner)}
          </span>
        )}
        {display.showProgress !== false && node.progress !== null && (
          <span className="fb-tree-progress" data-status={node.band?.color}>
            <span
              className="fb-gap-bar"
              role="progressbar"
              aria-label={node.title}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(node.progress * 100)}
            >
              <span
                className="fb-gap-fill"
                style={{ width: `${Math.max(0, Math.min(1, node.progress)) * 100}%`, background: color }}
              />
            </span>
            {format.value(node.progress, { format: 'percent' })}
          </span>
        )}
      </div>
      {hasChildren && open && (
        <ul>
          {node.children.map((child) => (
            <TreeItem
              key={child.id}
              node={child}
              widget={widget}
              context={context}
              expandDepth={expandDepth}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Objectives under the objectives they align to, each with owner and progress; the first levels open. */
export function AlignmentTree({ widget, rows, context }: WidgetProps<AlignmentTreeWidget>): ReactNode {
  const roots = useMemo(() => alignmentTreeModel(widget, rows), [widget, rows]);
  const expandDepth = widget.display?.expandDepth ?? 2;
  return (
    <ul
      className="fb-tree"
      aria-label={widget.title === undefined ? widget.id : localize(widget.title, context.locale)}
    >
      {roots.map((node) => (
        <TreeItem key={node.id} node={node} widget={widget} context={context} expandDepth={expandDepth} />
      ))}
    </ul>
  );
}
