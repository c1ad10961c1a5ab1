import { type Node, pathText, variableText } from './ast.ts';

// Binding strength, loosest first; mirrors the parser's levels.
const PRECEDENCE: Readonly<Record<string, number>> = {
  OR: 1,
  AND: 2,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '&': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '^': 8,
};
const PREFIX = 9;
const POSTFIX = 10;
const PRIMARY = 11;

/** Prints an AST as canonical formula text; `parse(print(ast))` gives the same tree back. */
export function print(node: Node): string {
  switch (node.type) {
    case 'Number':
      return String(node.value);
    case 'String':
      return quote(node.value);
    case 'Boolean':
      return node.value ? 'TRUE' : 'FALSE';
    case 'Blank':
      return 'NULL';
    case 'Field':
      return pathText(node.path);
    case 'Variable':
      return variableText(node.name, node.path);
    case 'Call':
      return `${node.name}(${node.args.map(print).join(', ')})`;
    case 'Array':
      return `{${node.elements.map(print).join(', ')}}`;
    case 'Unary':
      return node.op === '%' ? `${wrap(node.operand, POSTFIX)}%` : `${node.op}${wrap(node.operand, PREFIX)}`;
    case 'Binary': {
      const level = PRECEDENCE[node.op] ?? PRIMARY;
      // Left-associative: the right operand needs parentheses at the same level too.
      return `${wrap(node.left, level)} ${node.op} ${wrap(node.right, level + 1)}`;
    }
  }
}

function precedenceOf(node: Node): number {
  if (node.type === 'Binary') return PRECEDENCE[node.op] ?? PRIMARY;
  if (node.type === 'Unary') return node.op === '%' ? POSTFIX : PREFIX;
  return PRIMARY;
}

function wrap(node: Node, minimum: number): string {
  const text = print(node);
  return precedenceOf(node) < minimum ? `(${text})` : text;
}

const ESCAPED: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\t': '\\t',
  '\r': '\\r',
};

function quote(value: string): string {
  let body = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    body += ESCAPED[ch] ?? (code < 0x20 || code === 0x7f ? `\\u{${code.toString(16)}}` : ch);
  }
  return `"${body}"`;
}
