import { useDraggable } from '@dnd-kit/core';
import { type ReactNode, useId, useState } from 'react';
import { suggestedSource } from '../../dashboard/widgetDefaults.ts';
import type { WidgetPaletteItem } from '../../dashboard/widgetPalette.ts';
import type { GridDragData } from './canvas/dragData.ts';
import { useDashboardDesigner } from './DashboardDesignerContext.ts';

/** One palette card: click (or Enter) adds the widget at the first free place; drag it onto a grid cell. */
function PaletteCard({ item }: { readonly item: WidgetPaletteItem }): ReactNode {
  const { designer, locale, messages, report, announce } = useDashboardDesigner();
  const data: GridDragData = { kind: 'palette', type: item.type };
  const { attributes, listeners, setNodeRef } = useDraggable({ id: `palette:${item.type}`, data });
  const name = item.name[locale];
  const add = () => {
    const { document: dashboard, selection } = designer.getState();
    const source = suggestedSource(dashboard, selection, designer.sources.forms);
    const result = designer.add(item.type, source ? { source } : {});
    report(result);
    const [id] = designer.getState().selection;
    const layout = designer.getState().document.widgets.find((w) => w.id === id)?.layout;
    if (result.ok && layout) announce(messages.added(name, layout.x + 1, layout.y + 1));
  };
  return (
    <li className="fbd-palette-item">
      <button
        type="button"
        className="fbd-palette-add"
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-label={messages.addWidget(name)}
        onClick={add}
      >
        <span className="fbd-icon" aria-hidden="true">
          {item.icon}
        </span>
        {name}
      </button>
    </li>
  );
}

/** The widget palette: every widget type in its group, filtered by a search over names and keywords. */
export function WidgetPaletteView(): ReactNode {
  const { designer, locale, messages } = useDashboardDesigner();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const found = designer.palette.search(query);
  const groups = designer.palette
    .groups()
    .map((group) => ({ group, items: found.filter((item) => item.group === group.id) }))
    .filter((g) => g.items.length > 0);
  return (
    <nav className="fbd-palette fbdd-palette" aria-label={messages.palette}>
      <label className="fbd-visually-hidden" htmlFor={searchId}>
        {messages.searchPalette}
      </label>
      <input
        id={searchId}
        type="search"
        className="fbd-search"
        placeholder={messages.searchPalette}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {groups.length === 0 ? <p className="fbd-empty">{messages.noPaletteMatch}</p> : null}
      {groups.map(({ group, items }) => (
        <section key={group.id} className="fbd-palette-group" aria-labelledby={`${searchId}-${group.id}`}>
          <h3 id={`${searchId}-${group.id}`}>{group.name[locale]}</h3>
          <ul>
            {items.map((item) => (
              <PaletteCard key={item.type} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
