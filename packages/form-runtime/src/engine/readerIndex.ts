/** The prefixes of a path where a parent ends: "kpis[].weight" → ["kpis[]", "kpis"]. */
export function parentPaths(path: string): string[] {
  const out: string[] = [];
  for (let i = path.length - 1; i > 0; i--) {
    const c = path[i];
    if (c === '.' || c === '[') out.push(path.slice(0, i));
  }
  return out;
}

/**
 * Which formulas read a path, found by lookups instead of comparing a change with every dependency
 * of every formula: a formula reading `kpis` is reached by a change of `kpis[].weight`, and one reading
 * `kpis[].weight` by a change of `kpis` (rows added, removed or moved) — `pathsOverlap`'s rule.
 */
export class ReaderIndex<T> {
  private readonly exact = new Map<string, T[]>();
  private readonly below = new Map<string, T[]>();

  add(reader: T, paths: readonly string[]): void {
    const push = (map: Map<string, T[]>, key: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [reader]);
      else if (!list.includes(reader)) list.push(reader);
    };
    for (const path of paths) {
      push(this.exact, path);
      for (const parent of parentPaths(path)) push(this.below, parent);
    }
  }

  /** The readers a change of these column paths reaches (each once, in the order they were added). */
  readersOf(columns: readonly string[]): T[] {
    const found = new Set<T>();
    const take = (list: readonly T[] | undefined) => {
      if (list) for (const reader of list) found.add(reader);
    };
    for (const column of columns) {
      take(this.exact.get(column));
      take(this.below.get(column));
      for (const parent of parentPaths(column)) take(this.exact.get(parent));
    }
    return [...found];
  }
}
