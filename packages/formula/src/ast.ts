/** Offsets into the formula text: `start` inclusive, `end` exclusive (UTF-16 code units). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** One step of a field path: `keyResults[]` is `{ key: 'keyResults', each: true }`. */
export interface PathSegment {
  readonly key: string;
  readonly each: boolean;
}

export type BinaryOperator =
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | '&'
  | '='
  | '<>'
  | '<'
  | '<='
  | '>'
  | '>='
  | 'AND'
  | 'OR';
export type UnaryOperator = '-' | '+' | '%';

export type Node =
  | { readonly type: 'Number'; readonly value: number; readonly span: Span }
  | { readonly type: 'String'; readonly value: string; readonly span: Span }
  | { readonly type: 'Boolean'; readonly value: boolean; readonly span: Span }
  | { readonly type: 'Blank'; readonly span: Span }
  /** A field of the record: `score`, `owner.name`, `keyResults[].progress`. */
  | { readonly type: 'Field'; readonly path: readonly PathSegment[]; readonly span: Span }
  /** A context variable: `$today`, `$user.name`; `name` is without the `$`. */
  | {
      readonly type: 'Variable';
      readonly name: string;
      readonly path: readonly string[];
      readonly span: Span;
    }
  /** `%` is postfix (50% = 0.5); `-` and `+` are prefix. `NOT x` parses as the call NOT(x). */
  | { readonly type: 'Unary'; readonly op: UnaryOperator; readonly operand: Node; readonly span: Span }
  | {
      readonly type: 'Binary';
      readonly op: BinaryOperator;
      readonly left: Node;
      readonly right: Node;
      readonly span: Span;
    }
  /** `name` is upper-cased: SUM, IF… */
  | { readonly type: 'Call'; readonly name: string; readonly args: readonly Node[]; readonly span: Span }
  /** Array literal `{1, 2, 3}`. */
  | { readonly type: 'Array'; readonly elements: readonly Node[]; readonly span: Span };

/** The text of a field path as written: `keyResults[].progress`. */
export function pathText(path: readonly PathSegment[]): string {
  const only = path[0];
  if (only && path.length === 1) return only.each ? `${only.key}[]` : only.key;
  return path.map((s, i) => `${i > 0 ? '.' : ''}${s.key}${s.each ? '[]' : ''}`).join('');
}

/** The text of a variable reference: `$user.name`. */
export function variableText(name: string, path: readonly string[]): string {
  return [`$${name}`, ...path].join('.');
}
