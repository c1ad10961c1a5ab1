import type { BinaryOperator, Node, PathSegment } from '@formboard/formula';

// Importers build formulas as @formboard/formula ASTs and print them with `print`, so text is always
// quoted and escaped correctly and precedence never needs hand-placed parentheses.

const SPAN = { start: 0, end: 0 } as const;

/** The logical constant TRUE or FALSE. */
export function bool(value: boolean): Node {
  return { type: 'Boolean', value, span: SPAN };
}

/** True when `node` is the constant `value`. */
export function isBool(node: Node, value: boolean): boolean {
  return node.type === 'Boolean' && node.value === value;
}

/** A text literal. */
export function text(value: string): Node {
  return { type: 'String', value, span: SPAN };
}

/** A number literal (negative numbers print as `-5`, which parses back as the same value). */
export function num(value: number): Node {
  if (value < 0) return { type: 'Unary', op: '-', operand: num(-value), span: SPAN };
  return { type: 'Number', value, span: SPAN };
}

/** A field reference from a data path in formula syntax: `score`, `owner.name`, `kpis[].weight`. */
export function field(path: string): Node {
  const segments: PathSegment[] = path.split('.').map((part) => {
    const each = part.endsWith('[]');
    return { key: each ? part.slice(0, -2) : part, each };
  });
  return { type: 'Field', path: segments, span: SPAN };
}

/** A function call: `call('ISBLANK', field('x'))`. */
export function call(name: string, ...args: readonly Node[]): Node {
  return { type: 'Call', name, args, span: SPAN };
}

/** A binary operation: `compare('>=', field('age'), num(18))`. */
export function compare(op: BinaryOperator, left: Node, right: Node): Node {
  return { type: 'Binary', op, left, right, span: SPAN };
}

/** AND of the nodes, with TRUE dropped and FALSE winning; a single node is returned as is. */
export function and(...nodes: readonly Node[]): Node {
  if (nodes.some((n) => isBool(n, false))) return bool(false);
  const rest = nodes.filter((n) => !isBool(n, true));
  if (rest.length === 0) return bool(true);
  return rest.length === 1 ? (rest[0] as Node) : call('AND', ...rest);
}

/** OR of the nodes, with FALSE dropped and TRUE winning; a single node is returned as is. */
export function or(...nodes: readonly Node[]): Node {
  if (nodes.some((n) => isBool(n, true))) return bool(true);
  const rest = nodes.filter((n) => !isBool(n, false));
  if (rest.length === 0) return bool(false);
  return rest.length === 1 ? (rest[0] as Node) : call('OR', ...rest);
}

/** NOT of the node, folding constants and double negation. */
export function not(node: Node): Node {
  if (node.type === 'Boolean') return bool(!node.value);
  if (node.type === 'Call' && node.name === 'NOT' && node.args.length === 1) return node.args[0] as Node;
  return call('NOT', node);
}
