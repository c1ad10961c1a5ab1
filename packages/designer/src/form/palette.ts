import type { LocalizedMessage } from '@formboard/formula';

/** A palette item that adds a field: its data schema, widget and the prefix of the keys it gets. */
export interface FieldPaletteItem extends PaletteEntry {
  readonly kind: 'field';
  readonly id: string;
  /** New keys are `${keyPrefix}_${random}`: `number_k3x9q`. */
  readonly keyPrefix: string;
  /** The new field's data schema (its title is set to the item's name). */
  readonly schema: Readonly<Record<string, unknown>>;
  readonly widget?: string;
  readonly props?: Readonly<Record<string, unknown>>;
}

/** Layout node types a palette item can add. */
export type LayoutItemType =
  | 'section'
  | 'columns'
  | 'column'
  | 'tabs'
  | 'tab'
  | 'steps'
  | 'step'
  | 'repeatingTable'
  | 'text';

/** A palette item that adds a layout node (and, for a repeating table, its data field). */
export interface LayoutPaletteItem extends PaletteEntry {
  readonly kind: 'layout';
  readonly id: string;
  readonly node: LayoutItemType;
}

/** One card of the form palette. */
export type PaletteItem = FieldPaletteItem | LayoutPaletteItem;

/** A group of a palette, in display order. */
export interface PaletteGroup {
  readonly id: string;
  readonly name: LocalizedMessage;
}

/** What every palette card has, whatever it adds (a form's field, a dashboard's widget…). */
export interface PaletteEntry {
  readonly group: string;
  readonly name: LocalizedMessage;
  /** A built-in icon's name (`text`, `calendar`, `line`… see the React designer's `ICONS`), or a short glyph. */
  readonly icon: string;
  /** More words to find the item by ("下拉", "dropdown"). */
  readonly keywords?: readonly string[];
}

/** A palette: groups and items, searchable, extensible by template packs. */
export interface Palette<I extends PaletteEntry = PaletteItem> {
  groups(): readonly PaletteGroup[];
  items(): readonly I[];
  get(id: string): I | undefined;
  /** Adds an item (replacing one with the same id); returns a function that removes it. */
  register(item: I): () => void;
  /** Items whose name (zh-CN or en), id or keywords contain every word of the query, case-insensitively. */
  search(query: string): readonly I[];
}

/** Creates a palette of groups and items, each known by its `id` (or by `idOf`, such as a widget's type). */
export function createPalette<I extends PaletteEntry & { readonly id: string }>(
  groups: readonly PaletteGroup[],
  items: readonly I[],
): Palette<I>;
export function createPalette<I extends PaletteEntry>(
  groups: readonly PaletteGroup[],
  items: readonly I[],
  idOf: (item: I) => string,
): Palette<I>;
export function createPalette<I extends PaletteEntry>(
  groups: readonly PaletteGroup[],
  items: readonly I[],
  idOf: (item: I) => string = (item) => (item as I & { readonly id: string }).id,
): Palette<I> {
  const byId = new Map<string, I>();
  for (const item of items) byId.set(idOf(item), item);
  return {
    groups: () => groups,
    items: () => [...byId.values()],
    get: (id) => byId.get(id),
    register(item) {
      const id = idOf(item);
      byId.set(id, item);
      return () => {
        if (byId.get(id) === item) byId.delete(id);
      };
    },
    search(query) {
      const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [...byId.values()];
      return [...byId.values()].filter((item) => {
        const haystack = [idOf(item), item.name['zh-CN'], item.name.en, ...(item.keywords ?? [])]
          .join(' ')
          .toLowerCase();
        return words.every((word) => haystack.includes(word));
      });
    },
  };
}
