/** Fields computed by formulas, with what each formula reads: `{ total: ['a', 'b'], score: ['total'] }`. */
export type DependencyMap = Readonly<Record<string, readonly string[]>>;

/** The order to compute formula fields in, and what a change affects. */
export interface DependencyGraph {
  /** Every computed field, each after the computed fields it reads. Fields on a cycle are left out. */
  readonly order: readonly string[];
  /** Each cycle as a path that returns to its start: ['a', 'b', 'a']. */
  readonly cycles: readonly (readonly string[])[];
  /** The computed fields to recompute, in order, when the given paths change. */
  affectedBy(changed: readonly string[]): string[];
}

/** `keyResults[2].progress` → `keyResults[].progress`: a concrete row path as the column it belongs to. */
export function columnPath(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** True when one path contains the other: a change to `kr` touches `kr[].progress` and vice versa. */
export function pathsOverlap(a: string, b: string): boolean {
  if (a === b) return true;
  const short = a.length < b.length ? a : b;
  const long = short === a ? b : a;
  return long.startsWith(short) && (long[short.length] === '.' || long[short.length] === '[');
}

/** The record key a path starts with: `kr` for `kr[].progress` and `kr.x`. Overlapping paths share it. */
function recordKey(path: string): string {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code === 46 || code === 91) return path.slice(0, i); // . or [
  }
  return path;
}

/**
 * Builds the dependency graph of a form's computed fields: a topological order for the first full
 * computation, the cycles to report to the designer, and the incremental set for each change.
 */
export function createDependencyGraph(formulas: DependencyMap): DependencyGraph {
  const targets = Object.keys(formulas);
  // Edges from a computed field to the computed fields that read it. Only paths with the same record
  // key can overlap, so each read is compared with the targets under its key only.
  const readers = new Map<string, string[]>();
  const targetsByKey = new Map<string, string[]>();
  for (const target of targets) {
    readers.set(target, []);
    const key = recordKey(target);
    const list = targetsByKey.get(key);
    if (list) list.push(target);
    else targetsByKey.set(key, [target]);
  }
  for (const target of targets) {
    for (const dep of formulas[target] ?? []) {
      for (const source of targetsByKey.get(recordKey(dep)) ?? []) {
        if (pathsOverlap(dep, source)) readers.get(source)?.push(target);
      }
    }
  }

  const { order, cycles } = sortTopologically(targets, readers);
  // Made on the first change: a validator builds the graph for its cycles only.
  let position: ReadonlyMap<string, number> | undefined;

  return {
    order,
    cycles,
    affectedBy(changed) {
      position ??= new Map(order.map((t, i) => [t, i]));
      const paths = changed.map(columnPath);
      const hit = new Set<string>();
      const queue = targets.filter((t) =>
        (formulas[t] ?? []).some((dep) => paths.some((p) => pathsOverlap(dep, p))),
      );
      while (queue.length > 0) {
        const target = queue.pop() as string;
        if (hit.has(target)) continue;
        hit.add(target);
        queue.push(...(readers.get(target) ?? []));
      }
      const at = position;
      return [...hit].filter((t) => at.has(t)).sort((a, b) => (at.get(a) ?? 0) - (at.get(b) ?? 0));
    },
  };
}

// Depth-first topological sort that also reports each cycle it meets.
function sortTopologically(
  targets: readonly string[],
  readers: ReadonlyMap<string, readonly string[]>,
): { order: string[]; cycles: string[][] } {
  const state = new Map<string, 'visiting' | 'done'>();
  const onCycle = new Set<string>();
  const reversed: string[] = [];
  const cycles: string[][] = [];
  const stack: string[] = [];

  const visit = (node: string): void => {
    const s = state.get(node);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...stack.slice(stack.indexOf(node)), node];
      cycles.push(cycle);
      for (const member of cycle) onCycle.add(member);
      return;
    }
    state.set(node, 'visiting');
    stack.push(node);
    for (const reader of readers.get(node) ?? []) visit(reader);
    stack.pop();
    state.set(node, 'done');
    reversed.push(node);
  };
  for (const target of targets) visit(target);

  // A node downstream of a cycle cannot be computed either.
  const blocked = new Set(onCycle);
  const order = reversed.reverse();
  for (const node of order) if (blocked.has(node)) for (const r of readers.get(node) ?? []) blocked.add(r);
  return { order: order.filter((t) => !blocked.has(t)), cycles };
}
