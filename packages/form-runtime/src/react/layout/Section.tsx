import { localize } from '@formboard/schema';
import { type CSSProperties, useMemo } from 'react';
import { useRenderer } from '../RendererContext.ts';
import { LayoutChildren } from './LayoutNodeView.tsx';
import type { NodeOf } from './nodeTypes.ts';
import { useNodeUi } from './useNodeUi.ts';

/**
 * A titled group of fields; with `collapsible` its title is a button that shows and hides it. The
 * stylesheet lets the browser skip sections far from the viewport (`content-visibility: auto`); the
 * lines in it (`--fb-section-lines`: its fields and table rows) size its placeholder until it is
 * first drawn, so the scrollbar and jumps to a field land close to where they will be.
 */
export function Section({ id, node }: { readonly id: string; readonly node: NodeOf<'section'> }) {
  const r = useRenderer();
  const [state, setState] = useNodeUi(id);
  const lines = useMemo(() => r.layout.linesUnder(id, (path) => r.engine.getValue(path)), [r, id]);
  const collapsible = node.collapsible === true && !r.readOnly;
  const collapsed = collapsible && state === 1;
  const base = r.nodeDomId(id);
  const title = localize(node.title, r.locale);
  const description = localize(node.description, r.locale);
  return (
    <section
      className="fb-section"
      style={{ '--fb-section-lines': lines } as CSSProperties}
      aria-labelledby={title ? `${base}-title` : undefined}
    >
      {title ? (
        <h3 className="fb-section-title" id={`${base}-title`}>
          {collapsible ? (
            <button
              type="button"
              className="fb-section-toggle"
              aria-expanded={!collapsed}
              aria-controls={`${base}-body`}
              onClick={() => setState(collapsed ? 0 : 1)}
            >
              {title}
            </button>
          ) : (
            title
          )}
        </h3>
      ) : null}
      <div className="fb-section-body" id={`${base}-body`} hidden={collapsed}>
        {description ? <p className="fb-description">{description}</p> : null}
        <LayoutChildren ids={node.children} />
      </div>
    </section>
  );
}
