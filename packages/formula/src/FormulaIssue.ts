import type { Span } from './ast.ts';
import type { LocalizedMessage } from './messages.ts';

/** A problem found in a formula's text, by the parser or the type checker. */
export interface FormulaIssue {
  /** What kind of problem: "syntax", or the checker's code ("unknownField", "argType"…). */
  readonly code: string;
  readonly span: Span;
  /** 1-based line and column (in characters). */
  readonly line: number;
  readonly column: number;
  /** The line with a caret under the problem. */
  readonly excerpt: string;
  /** zh-CN and en text, prefixed with the position ("第 1 行第 5 列：…"). */
  readonly messages: LocalizedMessage;
}
