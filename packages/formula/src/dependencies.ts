import { type Node, pathText, variableText } from './ast.ts';

// Functions that read the clock, reported as the variable they depend on.
const CLOCK_FUNCTIONS: Readonly<Record<string, string>> = { TODAY: '$today', NOW: '$now' };

/**
 * What a formula reads, sorted and without repeats: field paths as written (`score`,
 * `keyResults[].progress`) and context variables with their `$` (`$user.name`, `$today` — TODAY() and
 * NOW() count as `$today` / `$now`). The form engine uses it for reactive recompute and cycle detection.
 */
export function dependencies(ast: Node): string[] {
  const found = new Set<string>();
  const visit = (node: Node): void => {
    switch (node.type) {
      case 'Field':
        found.add(pathText(node.path));
        return;
      case 'Variable':
        found.add(variableText(node.name, node.path));
        return;
      case 'Unary':
        visit(node.operand);
        return;
      case 'Binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'Call': {
        const clock = CLOCK_FUNCTIONS[node.name];
        if (clock) found.add(clock);
        node.args.forEach(visit);
        return;
      }
      case 'Array':
        node.elements.forEach(visit);
        return;
      default:
        return;
    }
  };
  visit(ast);
  return [...found].sort();
}
