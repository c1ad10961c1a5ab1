import type { Span } from './ast.ts';
import type { FormulaIssue } from './FormulaIssue.ts';
import { atPosition, type Locale, type LocalizedMessage } from './messages.ts';
import { excerptAt, lineColumn } from './sourcePosition.ts';

/** A formula that cannot be parsed. Carries the position, a caret excerpt and zh-CN/en messages. */
export class FormulaSyntaxError extends Error implements FormulaIssue {
  readonly code = 'syntax';
  /** 1-based line of the problem. */
  readonly line: number;
  /** 1-based column (in characters) of the problem. */
  readonly column: number;
  readonly span: Span;
  /** The offending line with a caret under the problem. */
  readonly excerpt: string;
  /** The message in both locales, prefixed with the position. */
  readonly messages: LocalizedMessage;

  constructor(source: string, span: Span, msg: LocalizedMessage) {
    const { line, column } = lineColumn(source, span.start);
    const messages = atPosition(msg, line, column);
    super(messages.en);
    this.name = 'FormulaSyntaxError';
    this.line = line;
    this.column = column;
    this.span = span;
    this.excerpt = excerptAt(source, span.start);
    this.messages = messages;
  }

  /** The message in one locale. */
  localized(locale: Locale): string {
    return this.messages[locale];
  }
}
