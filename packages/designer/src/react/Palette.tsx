import { useDraggable } from '@dnd-kit/core';
import { type ReactNode, useId, useState } from 'react';
import type { PaletteItem } from '../form/palette.ts';
import { useDesignerContext } from './DesignerContext.ts';
import type { DragData } from './dnd/dragSubject.ts';

/** One palette card: click (or Enter) adds it next to the selection; drag it to a place on the canvas. */
function PaletteCard({ item }: { readonly item: PaletteItem }): ReactNode {
  const { designer, locale, messages, report } = useDesignerContext();
  const data: DragData = {
    kind: 'palette',
    itemId: item.id,
    nodeType: item.kind === 'field' ? 'field' : item.node,
  };
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: `palette:${item.id}`,
    data,
    attributes: { roleDescription: locale === 'zh-CN' ? '可拖动的组件' : 'draggable component' },
  });
  const name = item.name[locale];
  return (
    <li className="fbd-palette-item">
      <button
        type="button"
        className="fbd-palette-add"
        ref={setNodeRef}
        {...attributes}
        {...listeners}
        aria-label={messages.addItem(name)}
        onClick={() => report(designer.add(item.id))}
      >
        <span className="fbd-icon" aria-hidden="true">
          {item.icon}
        </span>
        {name}
      </button>
    </li>
  );
}

/** The palette: every item in its group, filtered by a search over zh-CN and en names and keywords. */
export function Palette(): ReactNode {
  const { designer, locale, messages } = useDesignerContext();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const found = designer.palette.search(query);
  const groups = designer.palette
    .groups()
    .map((group) => ({ group, items: found.filter((item) => item.group === group.id) }))
    .filter((g) => g.items.length > 0);
  return (
    <nav className="fbd-palette" aria-label={messages.palette}>
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
              <PaletteCard key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
