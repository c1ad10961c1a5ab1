import { Markdown } from '@formboard/form-runtime';
import { localize } from '@formboard/schema';
import { type MouseEvent, memo, type ReactNode } from 'react';
import { nodeLabel } from '../../form/nodeLabel.ts';
import { nodeTypeName } from '../../form/nodeNames.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { FieldPreview } from './FieldPreview.tsx';
import { NodeHandle } from './NodeHandle.tsx';
import { NodeList } from './NodeList.tsx';

/**
 * One layout node on the canvas: selectable by click (Ctrl/Cmd/Shift+click adds to the selection),
 * movable by its handle (pointer or keyboard), showing the node as the form will render it.
 */
export const CanvasNode = memo(function CanvasNode({ id }: { readonly id: string }): ReactNode {
  const { designer, locale } = useDesignerContext();
  const node = useDesignerState((s) => s.document.layout.nodes[id]);
  const selected = useDesignerState((s) => s.selection.includes(id));
  const label = useDesignerState((s) => nodeLabel(s.document, id, locale));
  if (!node) return null;
  const onClick = (event: MouseEvent) => {
    event.stopPropagation();
    if (event.ctrlKey || event.metaKey || event.shiftKey) designer.toggleSelection(id);
    else designer.select([id]);
  };
  const type = nodeTypeName(node.type)[locale];
  let body: ReactNode = null;
  switch (node.type) {
    case 'field':
      body = <FieldPreview id={id} node={node} label={label} />;
      break;
    case 'text':
      body =
        node.format === 'plain' ? (
          <p>{localize(node.content, locale)}</p>
        ) : (
          <Markdown source={localize(node.content, locale)} />
        );
      break;
    case 'columns':
    case 'repeatingTable':
      body = <NodeList parent={id} ids={node.children} direction="row" />;
      break;
    default:
      body = <NodeList parent={id} ids={node.children} />;
  }
  const titled = node.type !== 'field' && node.type !== 'text' && node.type !== 'column';
  return (
    // Keyboard users select through the outline and the handle; clicking anywhere on a node is a shortcut.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the handle and the outline are the keyboard paths
    // biome-ignore lint/a11y/noStaticElementInteractions: see above
    <div
      className={`fbd-node fbd-node--${node.type}${selected ? ' fbd-node--selected' : ''}`}
      data-node-id={id}
      onClick={onClick}
    >
      <div className="fbd-node-bar">
        <NodeHandle id={id} label={label} selected={selected} />
        <span className="fbd-node-type">{titled ? `${type} · ${label}` : type}</span>
      </div>
      {body}
    </div>
  );
});
