import { type Node, pathText, variableText } from './ast.ts';

// Functions that read the clock, reported as the variable they depend on.
const CLOCK_FUNCTIONS: Readonly<Record<string, string>> = { TODAY: '$today', NOW: '$now' };

/** Calls `visit` on the node and every node under it (for tools that read a parsed formula). */
export function walk(node: Node, visit: (node: Node) => void): void {
  visit(node);
  switch (node.type) {
    case 'Unary':
      walk(node.operand, visit);
      return;
    case 'Binary':
      walk(node.left, visit);
      walk(node.right, visit);
      return;
    case 'Call':
      for (const arg of node.args) walk(arg, visit);
      return;
    case 'Array':
      for (const element of node.elements) walk(element, visit);
      return;
    default:
      return;
  }
}

/**
 * What a formula reads, sorted and without repeats: field paths as written (`score`,
 * `keyResults[].progress`) and context variables with their `$` (`$user.name`, `$today` — TODAY() and
 * NOW() count as `$today` / `$now`). The form engine uses it for reactive recompute and cycle detection.
 */
export function dependencies(ast: Node): string[] {
  const found: string[] = [];
  collectReads(ast, found);
  return sortedUnique(found);
}

/**
 * `[...new Set(items)].sort()` in place, by insertion: formulas read a handful of names, and for so few
 * a plain loop comparing with `<` (code-unit order, as `sort()` compares strings) is several times
 * faster than the built-in sort calling its comparison per pair.
 */
function sortedUnique(items: string[]): string[] {
  let kept = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as string;
    let at = kept;
    while (at > 0 && item < (items[at - 1] as string)) at--;
    if (at > 0 && items[at - 1] === item) continue;
    for (let j = kept; j > at; j--) items[j] = items[j - 1] as string;
    items[at] = item;
    kept++;
  }
  items.length = kept;
  return items;
}

// The walk behind `dependencies`, without a callback per node or a Set (validation asks for the reads
// of every computed field of a form).
function collectReads(node: Node, found: string[]): void {
  switch (node.type) {
    case 'Field':
      found.push(pathText(node.path));
      return;
    case 'Variable':
      found.push(variableText(node.name, node.path));
      return;
    case 'Unary':
      collectReads(node.operand, found);
      return;
    case 'Binary':
      collectReads(node.left, found);
      collectReads(node.right, found);
      return;
    case 'Call': {
      const clock = CLOCK_FUNCTIONS[node.name];
      if (clock) found.push(clock);
      for (const arg of node.args) collectReads(arg, found);
      return;
    }
    case 'Array':
      for (const element of node.elements) collectReads(element, found);
      return;
    default:
      return;
  }
}

/** The functions a formula calls, upper-case, without repeats: what `loadFunctions` needs for it. */
export function calledFunctions(ast: Node): string[] {
  const found = new Set<string>();
  walk(ast, (node) => {
    if (node.type === 'Call') found.add(node.name);
  });
  return [...found];
}
