type Listener = () => void;

/** The record key a path starts with: "kpis[2].weight" → "kpis". */
function topKey(path: string): string {
  const end = path.search(/[.[]/);
  return end === -1 ? path : path.slice(0, end);
}

/** "kpis[2].weight" → ["kpis[2]", "kpis"]. */
function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let i = path.length - 1; i > 0; i--) {
    const c = path[i];
    if (c === '.' || c === '[') out.push(path.slice(0, i));
  }
  return out;
}

/**
 * Listeners by concrete path. A change notifies the listeners of that path, of its ancestors (a table
 * showing column totals) and, for structural changes, of its descendants (rows that moved). Paths are
 * grouped by their record key, so finding a table's cells looks at that table's listeners only.
 */
export class PathListeners {
  private readonly byKey = new Map<string, Map<string, Set<Listener>>>();
  private readonly formListeners = new Set<Listener>();

  /** Listens to one path; returns the unsubscribe function. */
  add(path: string, listener: Listener): () => void {
    const key = topKey(path);
    let group = this.byKey.get(key);
    if (!group) {
      group = new Map();
      this.byKey.set(key, group);
    }
    let set = group.get(path);
    if (!set) {
      set = new Set();
      group.set(path, set);
    }
    set.add(listener);
    const owner = group;
    const own = set;
    return () => {
      own.delete(listener);
      if (own.size > 0 || owner.get(path) !== own) return;
      owner.delete(path);
      if (owner.size === 0 && this.byKey.get(key) === owner) this.byKey.delete(key);
    };
  }

  /** Listens to every change of the form. */
  addForm(listener: Listener): () => void {
    this.formListeners.add(listener);
    return () => this.formListeners.delete(listener);
  }

  /** Calls the listeners concerned by these changed paths, each once; "" as a structural root is everything. */
  notify(changed: Iterable<string>, structural: Iterable<string> = []): void {
    const due = new Set<Listener>();
    const collect = (path: string) => {
      const set = this.byKey.get(topKey(path))?.get(path);
      if (set) for (const listener of set) due.add(listener);
    };
    for (const path of changed) {
      collect(path);
      for (const ancestor of ancestorsOf(path)) collect(ancestor);
    }
    for (const root of structural) {
      const groups = root === '' ? this.byKey.values() : [this.byKey.get(topKey(root)) ?? new Map()];
      for (const group of groups) {
        for (const [path, set] of group) {
          if (root === '' || path === root || path.startsWith(`${root}[`) || path.startsWith(`${root}.`))
            for (const listener of set) due.add(listener);
        }
      }
      for (const ancestor of ancestorsOf(root)) collect(ancestor);
    }
    for (const listener of this.formListeners) due.add(listener);
    for (const listener of due) listener();
  }
}
