import type { LocalizedMessage } from '@formboard/formula';

/** A palette item that adds a field: its data schema, widget and the prefix of the keys it gets. */
export interface FieldPaletteItem {
  readonly kind: 'field';
  readonly id: string;
  readonly group: string;
  readonly name: LocalizedMessage;
  /** A short glyph shown on the palette card. */
  readonly icon: string;
  /** More words to find the item by ("下拉", "dropdown"). */
  readonly keywords?: readonly string[];
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
export interface LayoutPaletteItem {
  readonly kind: 'layout';
  readonly id: string;
  readonly group: string;
  readonly name: LocalizedMessage;
  readonly icon: string;
  readonly keywords?: readonly string[];
  readonly node: LayoutItemType;
}

/** One card of the palette. */
export type PaletteItem = FieldPaletteItem | LayoutPaletteItem;

/** A group of the palette, in display order. */
export interface PaletteGroup {
  readonly id: string;
  readonly name: LocalizedMessage;
}

/** The palette: groups and items, extensible by template packs. */
export interface Palette {
  groups(): readonly PaletteGroup[];
  items(): readonly PaletteItem[];
  get(id: string): PaletteItem | undefined;
  /** Adds an item (replacing one with the same id); returns a function that removes it. */
  register(item: PaletteItem): () => void;
  /** Items whose name (zh-CN or en), id or keywords contain the query, case-insensitively. */
  search(query: string): readonly PaletteItem[];
}

/** Creates a palette of groups and items. */
export function createPalette(groups: readonly PaletteGroup[], items: readonly PaletteItem[]): Palette {
  const byId = new Map<string, PaletteItem>();
  for (const item of items) byId.set(item.id, item);
  return {
    groups: () => groups,
    items: () => [...byId.values()],
    get: (id) => byId.get(id),
    register(item) {
      byId.set(item.id, item);
      return () => {
        if (byId.get(item.id) === item) byId.delete(item.id);
      };
    },
    search(query) {
      const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
      if (words.length === 0) return [...byId.values()];
      return [...byId.values()].filter((item) => {
        const haystack = [item.id, item.name['zh-CN'], item.name.en, ...(item.keywords ?? [])]
          .join(' ')
          .toLowerCase();
        return words.every((word) => haystack.includes(word));
      });
    },
  };
}
