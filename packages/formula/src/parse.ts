import type { BinaryOperator, Node } from './ast.ts';
import { FormulaSyntaxError } from './FormulaSyntaxError.ts';
import { KEYWORDS, Lexer } from './lexer.ts';
import { type LocalizedMessage, type MessageKey, message } from './messages.ts';

/** Deepest nesting a formula may have; keeps every recursive pass far from the JS stack limit. */
export const MAX_DEPTH = 200;
/** Longest formula text accepted. */
export const MAX_LENGTH = 20_000;

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
  return new Parser(source).parseFormula();
}

// How tightly each binary operator binds, loosest first. NOT is a prefix at its own level, between
// AND and the comparisons; unary minus and plus bind tighter than ^ (as in Excel: -2^2 = 4).
const OR = 1;
const AND = 2;
const NOT = 3;
const COMPARISON = 4;
const CONCAT = 5;
const ADDITIVE = 6;
const MULTIPLICATIVE = 7;
const POWER = 8;

/** The level of a binary operator's text; 0 for `%`, which is postfix. */
function operatorLevel(op: string): number {
  switch (op) {
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
      return COMPARISON;
    case '&':
      return CONCAT;
    case '+':
    case '-':
      return ADDITIVE;
    case '*':
    case '/':
      return MULTIPLICATIVE;
    case '^':
      return POWER;
    default:
      return 0;
  }
}

/**
 * Precedence climbing over the tokens: every binary level is a left-associative loop, which gives the
 * same trees as one recursive-descent method per level with a fraction of the calls. Node heights are
 * tracked as it goes (`height`), so long operator chains are refused as too deep too. The parser is
 * its own lexer (it extends it): one object per formula, and the current token read from its fields.
 */
class Parser extends Lexer {
  private nesting = 0;
  /** The height of the node the last parsing step returned (a leaf is 1 high). */
  private height = 1;
  /** Where the last token consumed ends. */
  private lastEnd = 0;

  constructor(source: string) {
    super(source);
    this.next();
  }

  parseFormula(): Node {
    if (this.kind === 'eof') this.fail(this.start, this.end, message('emptyFormula'));
    const node = this.parseExpression();
    if (!this.atEnd()) this.failUnexpected();
    return node;
  }

  private parseExpression(): Node {
    this.enter();
    const node = this.parseBinary(OR);
    this.nesting -= 1;
    return node;
  }

  /** An expression whose binary operators are all at `level` or tighter. */
  private parseBinary(level: number): Node {
    let left =
      level <= NOT && this.keyword === 'NOT' && !this.nextIsOpenParen() ? this.parseNot() : this.parseUnary();
    for (;;) {
      let opLevel = 0;
      if (this.kind === 'op') opLevel = operatorLevel(this.text);
      else if (this.keyword === 'AND') opLevel = AND;
      else if (this.keyword === 'OR') opLevel = OR;
      if (opLevel === 0 || opLevel < level) return left;
      const op = (this.kind === 'op' ? this.text : this.keyword) as BinaryOperator;
      this.advance();
      const leftHeight = this.height;
      // Left-associative: the right operand takes only operators that bind tighter.
      const right = this.parseBinary(opLevel + 1);
      left = { type: 'Binary', op, left, right, span: { start: left.span.start, end: right.span.end } };
      this.grow(left, Math.max(leftHeight, this.height));
    }
  }

  /** `NOT x` (the lexer is on NOT, not followed by a parenthesis): the call NOT(x), so it prints back. */
  private parseNot(): Node {
    const start = this.start;
    this.advance();
    this.enter();
    const operand = this.parseBinary(NOT);
    this.nesting -= 1;
    const node: Node = {
      type: 'Call',
      name: 'NOT',
      args: [operand],
      span: { start, end: operand.span.end },
    };
    this.grow(node, this.height);
    return node;
  }

  private parseUnary(): Node {
    if (this.kind === 'op' && (this.text === '-' || this.text === '+')) {
      const op = this.text as '-' | '+';
      const start = this.start;
      this.advance();
      this.enter();
      const operand = this.parseUnary();
      this.nesting -= 1;
      const node: Node = { type: 'Unary', op, operand, span: { start, end: operand.span.end } };
      this.grow(node, this.height);
      return node;
    }
    let node = this.parsePrimary();
    while (this.kind === 'op' && this.text === '%') {
      const end = this.end;
      this.advance();
      node = { type: 'Unary', op: '%', operand: node, span: { start: node.span.start, end } };
      this.grow(node, this.height);
    }
    return node;
  }

  private parsePrimary(): Node {
    const start = this.start;
    const end = this.end;
    let node: Node;
    switch (this.kind) {
      case 'number':
        node = { type: 'Number', value: this.number, span: { start, end } };
        break;
      case 'string':
        node = { type: 'String', value: this.text, span: { start, end } };
        break;
      case 'variable':
        node = { type: 'Variable', name: this.text, path: this.variablePath, span: { start, end } };
        break;
      case '(': {
        this.advance();
        const inner = this.parseExpression();
        this.expect(')', start, end, 'missingCloseParen');
        return inner;
      }
      case '{': {
        this.advance();
        const elements = this.parseList('}', start, end, 'missingCloseBrace');
        node = { type: 'Array', elements, span: { start, end: this.lastEnd } };
        this.grow(node, elements.length === 0 ? 0 : this.height);
        return node;
      }
      case 'name':
        return this.parseName();
      default:
        return this.fail(start, end, message('expectedExpression'));
    }
    this.advance();
    this.height = 1;
    return node;
  }

  private parseName(): Node {
    const { start, end, text, path, keyword } = this;
    this.advance();
    if (path === undefined && this.kind === '(') {
      this.advance();
      const args = this.parseList(')', start, end, 'missingCloseParen');
      const node: Node = { type: 'Call', name: text.toUpperCase(), args, span: { start, end: this.lastEnd } };
      this.grow(node, args.length === 0 ? 0 : this.height);
      return node;
    }
    this.height = 1;
    if (keyword === 'TRUE' || keyword === 'FALSE') {
      return { type: 'Boolean', value: keyword === 'TRUE', span: { start, end } };
    }
    if (keyword === 'NULL') return { type: 'Blank', span: { start, end } };
    if (keyword !== '') return this.fail(start, end, message('expectedExpression'));
    return { type: 'Field', path: path ?? [{ key: text, each: false }], span: { start, end } };
  }

  /**
   * Comma-separated expressions up to `close`; the opening token (spanning `openStart`–`openEnd`) is
   * already consumed. Leaves in `height` the height of the highest item (0 for none).
   */
  private parseList(close: ')' | '}', openStart: number, openEnd: number, missing: MessageKey): Node[] {
    const items: Node[] = [];
    if (this.kind === close) {
      this.advance();
      this.height = 0;
      return items;
    }
    let highest = 0;
    for (;;) {
      items.push(this.parseExpression());
      if (this.height > highest) highest = this.height;
      if (this.kind === ',') {
        this.advance();
        continue;
      }
      this.expect(close, openStart, openEnd, missing);
      this.height = highest;
      return items;
    }
  }

  private expect(kind: ')' | '}', openStart: number, openEnd: number, missing: MessageKey): void {
    if (this.kind === kind) {
      this.advance();
      return;
    }
    // At the end of the text the bracket is simply missing; elsewhere something unexpected stands there.
    if (this.kind === 'eof') {
      if (this.start > openStart) this.fail(this.start, this.end, message(missing));
      this.fail(openStart, openEnd, message(missing));
    }
    this.failUnexpected();
  }

  // A method, so that TypeScript does not keep a narrowing of `this.kind` across parsing steps.
  private atEnd(): boolean {
    return this.kind === 'eof';
  }

  private advance(): void {
    this.lastEnd = this.end;
    this.next();
  }

  /** One more level of nesting (parentheses, list items, prefix operators), refused past MAX_DEPTH. */
  private enter(): void {
    this.nesting += 1;
    if (this.nesting > MAX_DEPTH) {
      this.fail(this.start, this.end, message('tooDeep', { max: MAX_DEPTH }));
    }
  }

  /** Sets `height` to that of `node`, whose highest child is `below` high, refusing trees deeper than MAX_DEPTH. */
  private grow(node: Node, below: number): void {
    this.height = below + 1;
    if (this.height > MAX_DEPTH)
      this.fail(node.span.start, node.span.end, message('tooDeep', { max: MAX_DEPTH }));
  }

  private failUnexpected(): never {
    const token = this.kind === 'eof' ? 'end' : JSON.stringify(this.source.slice(this.start, this.end));
    return this.fail(this.start, this.end, message('unexpectedToken', { token }));
  }

  /**
   * Throws the syntax error at `start`–`end`, unless the rest of the text has a bad character: the
   * lexer reports that first, as if the whole text had been read into tokens before parsing.
   */
  private fail(start: number, end: number, msg: LocalizedMessage): never {
    this.finish();
    throw new FormulaSyntaxError(this.source, { start, end }, msg);
  }
}
