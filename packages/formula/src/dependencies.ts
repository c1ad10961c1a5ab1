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
  const found = new Set<string>();
  walk(ast, (node) => {
    if (node.type === 'Field') found.add(pathText(node.path));
    else if (node.type === 'Variable') found.add(variableText(node.name, node.path));
    else if (node.type === 'Call') {
      const clock = CLOCK_FUNCTIONS[node.name];
      if (clock) found.add(clock);
    }
  });
  return [...found].sort();
}

/** The functions a formula calls, upper-case, without repeats: what `loadFunctions` needs for it. */
export function calledFunctions(ast: Node): string[] {
  const found = new Set<string>();
  walk(ast, (node) => {
    if (node.type === 'Call') found.add(node.name);
  });
  return [...found];
}
