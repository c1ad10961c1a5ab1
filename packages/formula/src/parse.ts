import type { BinaryOperator, Node, Span } from './ast.ts';
import { FormulaSyntaxError } from './FormulaSyntaxError.ts';
import { type OperatorText, type Token, tokenize } from './lexer.ts';
import { type LocalizedMessage, message } from './messages.ts';

/** Deepest nesting a formula may have; keeps every recursive pass far from the JS stack limit. */
export const MAX_DEPTH = 200;
/** Longest formula text accepted. */
export const MAX_LENGTH = 20_000;

const COMPARISON: ReadonlySet<OperatorText> = new Set(['=', '<>', '<', '<=', '>', '>=']);
const KEYWORDS = new Set(['TRUE', 'FALSE', 'NULL', 'AND', 'OR', 'NOT']);

/** True when `word` is reserved by the language (case-insensitive) and cannot be used as a field key. */
export function isReservedWord(word: string): boolean {
  return KEYWORDS.has(word.toUpperCase());
}

/**
 * Parses formula text into an AST with source spans.
 * Throws FormulaSyntaxError (line, column, caret excerpt, zh-CN/en message) when the text is not a formula.
 */
export function parse(source: string): Node {
  if (source.length > MAX_LENGTH) {
    throw new FormulaSyntaxError(
      source,
      { start: MAX_LENGTH, end: source.length },
      message('tooLong', { max: MAX_LENGTH }),
    );
  }
  return new Parser(source, tokenize(source)).parseFormula();
}

class Parser {
  private pos = 0;
  private nesting = 0;
  /** The height of each node made so far (a Map: WeakMap entries cost far more, and parsers are short-lived). */
  private readonly depths = new Map<Node, number>();

  constructor(
    private readonly source: string,
    private readonly tokens: readonly Token[],
  ) {}

  parseFormula(): Node {
    if (this.peek().kind === 'eof') this.fail(this.peek().span, message('emptyFormula'));
    const node = this.parseExpression();
    const rest = this.peek();
    if (rest.kind !== 'eof') {
      this.fail(rest.span, message('unexpectedToken', { token: this.describe(rest) }));
    }
    return node;
  }

  private parseExpression(): Node {
    this.nesting += 1;
    if (this.nesting > MAX_DEPTH) this.fail(this.peek().span, message('tooDeep', { max: MAX_DEPTH }));
    const node = this.parseOr();
    this.nesting -= 1;
    return node;
  }

  private parseOr(): Node {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      this.pos += 1;
      left = this.binary('OR', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Node {
    let left = this.parseNot();
    while (this.isKeyword('AND')) {
      this.pos += 1;
      left = this.binary('AND', left, this.parseNot());
    }
    return left;
  }

  private parseNot(): Node {
    const token = this.peek();
    if (this.isKeyword('NOT') && this.peek(1).kind !== '(') {
      this.pos += 1;
      const operand = this.nested(() => this.parseNot());
      return this.node({ type: 'Call', name: 'NOT', args: [operand], span: span(token.span, operand.span) }, [
        operand,
      ]);
    }
    return this.parseComparison();
  }

  private parseComparison(): Node {
    let left = this.parseConcat();
    for (let t = this.peek(); t.kind === 'op' && COMPARISON.has(t.value); t = this.peek()) {
      this.pos += 1;
      left = this.binary(t.value as BinaryOperator, left, this.parseConcat());
    }
    return left;
  }

  private parseConcat(): Node {
    let left = this.parseAdditive();
    while (this.isOp('&')) {
      this.pos += 1;
      left = this.binary('&', left, this.parseAdditive());
    }
    return left;
  }

  private parseAdditive(): Node {
    let left = this.parseMultiplicative();
    for (let t = this.peek(); t.kind === 'op' && (t.value === '+' || t.value === '-'); t = this.peek()) {
      this.pos += 1;
      left = this.binary(t.value, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Node {
    let left = this.parsePower();
    for (let t = this.peek(); t.kind === 'op' && (t.value === '*' || t.value === '/'); t = this.peek()) {
      this.pos += 1;
      left = this.binary(t.value, left, this.parsePower());
    }
    return left;
  }

  // Like Excel, ^ is left-associative and binds looser than unary minus: -2^2 = 4, 2^3^2 = 64.
  private parsePower(): Node {
    let left = this.parseUnary();
    while (this.isOp('^')) {
      this.pos += 1;
      left = this.binary('^', left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Node {
    const token = this.peek();
    if (token.kind === 'op' && (token.value === '-' || token.value === '+')) {
      this.pos += 1;
      const operand = this.nested(() => this.parseUnary());
      return this.node({ type: 'Unary', op: token.value, operand, span: span(token.span, operand.span) }, [
        operand,
      ]);
    }
    let node = this.parsePrimary();
    while (this.isOp('%')) {
      const percent = this.next();
      node = this.node({ type: 'Unary', op: '%', operand: node, span: span(node.span, percent.span) }, [
        node,
      ]);
    }
    return node;
  }

  private parsePrimary(): Node {
    const token = this.next();
    switch (token.kind) {
      case 'number':
        return this.node({ type: 'Number', value: token.value, span: token.span }, []);
      case 'string':
        return this.node({ type: 'String', value: token.value, span: token.span }, []);
      case 'variable':
        return this.node({ type: 'Variable', name: token.name, path: token.path, span: token.span }, []);
      case '(': {
        const inner = this.parseExpression();
        this.expect(')', token.span, message('missingCloseParen'));
        return inner;
      }
      case '{':
        return this.parseArray(token);
      case 'name':
        return this.parseName(token);
      default:
        return this.fail(token.span, message('expectedExpression'));
    }
  }

  private parseName(token: Extract<Token, { kind: 'name' }>): Node {
    const upper = token.word;
    if (upper !== '' && this.peek().kind === '(') {
      this.pos += 1;
      const args = this.parseList(')', token.span, message('missingCloseParen'));
      const end = this.tokens[this.pos - 1]?.span ?? token.span;
      return this.node({ type: 'Call', name: upper, args, span: span(token.span, end) }, args);
    }
    if (upper === 'TRUE' || upper === 'FALSE') {
      return this.node({ type: 'Boolean', value: upper === 'TRUE', span: token.span }, []);
    }
    if (upper === 'NULL') return this.node({ type: 'Blank', span: token.span }, []);
    if (KEYWORDS.has(upper)) return this.fail(token.span, message('expectedExpression'));
    return this.node({ type: 'Field', path: token.path, span: token.span }, []);
  }

  private parseArray(open: Token): Node {
    const elements = this.parseList('}', open.span, message('missingCloseBrace'));
    const end = this.tokens[this.pos - 1]?.span ?? open.span;
    return this.node({ type: 'Array', elements, span: span(open.span, end) }, elements);
  }

  /** Comma-separated expressions up to `close`; the opening token is already consumed. */
  private parseList(close: ')' | '}', openSpan: Span, missing: LocalizedMessage): Node[] {
    const items: Node[] = [];
    if (this.peek().kind === close) {
      this.pos += 1;
      return items;
    }
    for (;;) {
      items.push(this.parseExpression());
      if (this.peek().kind === ',') {
        this.pos += 1;
        continue;
      }
      this.expect(close, openSpan, missing);
      return items;
    }
  }

  private expect(kind: ')' | '}', openSpan: Span, missing: LocalizedMessage): void {
    const token = this.peek();
    if (token.kind === kind) {
      this.pos += 1;
      return;
    }
    // At the end of the text the bracket is simply missing; elsewhere something unexpected stands there.
    if (token.kind === 'eof') this.fail(token.span.start > openSpan.start ? token.span : openSpan, missing);
    this.fail(token.span, message('unexpectedToken', { token: this.describe(token) }));
  }

  private binary(op: BinaryOperator, left: Node, right: Node): Node {
    return this.node({ type: 'Binary', op, left, right, span: span(left.span, right.span) }, [left, right]);
  }

  /** Registers a node's depth and refuses trees deeper than MAX_DEPTH (long operator chains too). */
  private node(node: Node, children: readonly Node[]): Node {
    // Leaves are 1 high, which is what a lookup of an unknown node gives: they need no entry.
    if (children.length === 0) return node;
    let depth = 1;
    for (const child of children) depth = Math.max(depth, (this.depths.get(child) ?? 1) + 1);
    if (depth > MAX_DEPTH) this.fail(node.span, message('tooDeep', { max: MAX_DEPTH }));
    this.depths.set(node, depth);
    return node;
  }

  private nested<N>(parse: () => N): N {
    this.nesting += 1;
    if (this.nesting > MAX_DEPTH) this.fail(this.peek().span, message('tooDeep', { max: MAX_DEPTH }));
    const result = parse();
    this.nesting -= 1;
    return result;
  }

  private isKeyword(word: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.word === word;
  }

  private isOp(value: OperatorText): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.pos += 1;
    return token;
  }

  private describe(token: Token): string {
    if (token.kind === 'eof') return 'end';
    return JSON.stringify(this.source.slice(token.span.start, token.span.end));
  }

  private fail(at: Span, msg: LocalizedMessage): never {
    throw new FormulaSyntaxError(this.source, at, msg);
  }
}

function span(from: Span, to: Span): Span {
  return { start: from.start, end: to.end };
}
