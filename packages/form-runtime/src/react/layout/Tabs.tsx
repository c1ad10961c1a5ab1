import { localize } from '@formboard/schema';
import { type KeyboardEvent, useRef } from 'react';
import { useRenderer } from '../RendererContext.ts';
import { LayoutChildren } from './LayoutNodeView.tsx';
import type { NodeOf } from './nodeTypes.ts';
import { useNodeUi } from './useNodeUi.ts';

/**
 * Tabs (the ARIA tabs pattern): arrows, Home and End move between tabs and open them. Inactive panels
 * stay in the page, hidden. In read-only mode every tab is shown, one after the other, for printing.
 */
export function Tabs({ id, node }: { readonly id: string; readonly node: NodeOf<'tabs'> }) {
  const r = useRenderer();
  const [active, setActive] = useNodeUi(id);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const base = r.nodeDomId(id);
  const tabs = node.children.map((tabId) => ({ id: tabId, node: r.layout.node(tabId) }));
  const titleOf = (tab: (typeof tabs)[number], i: number) =>
    (tab.node?.type === 'tab' ? localize(tab.node.title, r.locale) : '') || String(i + 1);

  if (r.readOnly) {
    return (
      <div className="fb-tabs fb-tabs--print">
        {tabs.map((tab, i) =>
          tab.node?.type === 'tab' ? (
            <section key={tab.id} className="fb-section" aria-labelledby={`${base}-${i}-title`}>
              <h3 className="fb-section-title" id={`${base}-${i}-title`}>
                {titleOf(tab, i)}
              </h3>
              <LayoutChildren ids={tab.node.children} />
            </section>
          ) : null,
        )}
      </div>
    );
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const last = tabs.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (active + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (active - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };
  return (
    <div className="fb-tabs">
      <div className="fb-tablist" role="tablist" onKeyDown={onKeyDown}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            className="fb-tab"
            aria-selected={i === active}
            aria-controls={`${base}-panel-${i}`}
            tabIndex={i === active ? 0 : -1}
            onClick={() => setActive(i)}
          >
            {titleOf(tab, i)}
          </button>
        ))}
      </div>
      {tabs.map((tab, i) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${base}-panel-${i}`}
          className="fb-tabpanel"
          aria-labelledby={`${base}-tab-${i}`}
          hidden={i !== active}
        >
          {tab.node?.type === 'tab' ? <LayoutChildren ids={tab.node.children} /> : null}
        </div>
      ))}
    </div>
  );
}
