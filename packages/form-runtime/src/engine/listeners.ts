import { parsePath } from '../paths.ts';

type Listener = () => void;

/**
 * Listeners by concrete path. A change notifies the listeners of that path, of its ancestors (a table
 * showing column totals) and, for structural changes, of its descendants (rows that moved).
 */
export class PathListeners {
  private readonly byPath = new Map<string, Set<Listener>>();
  private readonly formListeners = new Set<Listener>();

  /** Listens to one path; returns the unsubscribe function. */
  add(path: string, listener: Listener): () => void {
    let set = this.byPath.get(path);
    if (!set) {
      set = new Set();
      this.byPath.set(path, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byPath.delete(path);
    };
  }

  /** Listens to every change of the form. */
  addForm(listener: Listener): () => void {
    this.formListeners.add(listener);
    return () => this.formListeners.delete(listener);
  }

  /** Calls the listeners concerned by these changed paths, each once. */
  notify(changed: Iterable<string>, structural: Iterable<string> = []): void {
    const due = new Set<Listener>();
    const collect = (path: string) => {
      for (const listener of this.byPath.get(path) ?? []) due.add(listener);
    };
    for (const path of changed) {
      collect(path);
      for (const ancestor of ancestorsOf(path)) collect(ancestor);
    }
    for (const root of structural) {
      // "" is the whole form (submit, reset, drafts): every listener, including those of empty tables.
      if (root === '') for (const set of this.byPath.values()) for (const listener of set) due.add(listener);
      collect(root);
      for (const [path, set] of this.byPath) {
        if (path.startsWith(`${root}[`) || path.startsWith(`${root}.`))
          for (const listener of set) due.add(listener);
      }
    }
    for (const listener of this.formListeners) due.add(listener);
    for (const listener of due) listener();
  }
}

/** "kpis[2].weight" → ["kpis[2]", "kpis"]. */
function ancestorsOf(path: string): string[] {
  const segments = parsePath(path);
  const out: string[] = [];
  let text = '';
  for (let i = 0; i < segments.length - 1; i++) {
    const s = segments[i] as string | number;
    text = typeof s === 'number' ? `${text}[${s}]` : text ? `${text}.${s}` : s;
    out.push(text);
  }
  return out.reverse();
}
