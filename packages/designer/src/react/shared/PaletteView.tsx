import { type Data, useDraggable } from '@dnd-kit/core';
import type { Locale } from '@formboard/formula';
import { type ReactNode, useId, useState } from 'react';
import type { Palette, PaletteEntry } from '../../form/palette.ts';
import { Icon } from './Icon.tsx';

/** The strings of a palette. */
export interface PaletteMessages {
  readonly palette: string;
  readonly searchPalette: string;
  readonly noPaletteMatch: string;
  /** A card's accessible name: "添加 单行文本". */
  readonly addItem: (name: string) => string;
}

/** Props of the palette view. */
export interface PaletteViewProps<I extends PaletteEntry> {
  readonly palette: Palette<I>;
  readonly idOf: (item: I) => string;
  readonly locale: Locale;
  readonly messages: PaletteMessages;
  /** What a drag of the card carries (the designer's drag data). */
  readonly dragData: (item: I) => Data;
  /** Click or Enter on a card. */
  readonly onAdd: (item: I) => void;
  /** What screen readers call a card (dnd-kit's default is "draggable"). */
  readonly roleDescription?: string;
  readonly className?: string;
}

/**
 * One card: a button that adds its item on click or Enter and drags onto the canvas. Its accessible name
 * ("添加 单行文本") is visually hidden text, not an aria-label, and the visible name ("单行文本") is part
 * of it, as WCAG's "label in name" asks; the icon is no text.
 */
function PaletteCard<I extends PaletteEntry>(props: PaletteViewProps<I> & { readonly item: I }): ReactNode {
  const { item, locale } = props;
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: `palette:${props.idOf(item)}`,
    data: props.dragData(item),
    ...(props.roleDescription ? { attributes: { roleDescription: props.roleDescription } } : {}),
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
        onClick={() => props.onAdd(item)}
      >
        <Icon name={item.icon} />
        <span className="fbd-visually-hidden">{props.messages.addItem(name)}</span>
        <span aria-hidden="true">{name}</span>
      </button>
    </li>
  );
}

/** A palette: every item in its group, filtered by a search over zh-CN and en names, ids and keywords. */
export function PaletteView<I extends PaletteEntry>(props: PaletteViewProps<I>): ReactNode {
  const { palette, locale, messages } = props;
  const [query, setQuery] = useState('');
  const searchId = useId();
  const found = palette.search(query);
  const groups = palette
    .groups()
    .map((group) => ({ group, items: found.filter((item) => item.group === group.id) }))
    .filter((g) => g.items.length > 0);
  return (
    <nav className={`fbd-palette ${props.className ?? ''}`.trim()} aria-label={messages.palette}>
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
              <PaletteCard key={props.idOf(item)} {...props} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
