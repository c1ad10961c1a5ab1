import { pointer } from '../validate/issues.ts';
import type { JsonObject } from './normalizeSchema.ts';
import type { Origin, Origins } from './Origins.ts';

/** Builds a layout's flat node map, handing out readable unique ids (`f_owner_name`, `s_address`). */
export class LayoutBuilder {
  readonly nodes: Record<string, JsonObject> = {};
  readonly #origins: Origins;

  constructor(origins: Origins) {
    this.#origins = origins;
  }

  /** Adds a node under an id made from `hint` and returns the id; the caller places it in a children list. */
  add(hint: string, node: JsonObject, origin: Origin): string {
    let base = hint.replace(/\[\]/g, '').replace(/[^A-Za-z0-9_-]+/g, '_');
    if (!/[A-Za-z0-9]/.test(base.replace(/^[a-z]_/, ''))) base = `${base.replace(/_+$/, '')}_node`;
    base = base.slice(0, 56);
    let id = base;
    for (let n = 2; Object.hasOwn(this.nodes, id); n++) id = `${base}_${n}`;
    this.nodes[id] = node;
    this.#origins.add(pointer('layout', 'nodes', id), origin);
    return id;
  }

  /** The layout with `root` as its top-level children. */
  layout(root: readonly string[]): JsonObject {
    return { root: [...root], nodes: this.nodes };
  }
}
