import { type ParseError, printParseErrorCode, parse as scanJson } from 'jsonc-parser';
import { ApiError } from './ApiError.ts';

/** Line and column (1-based) of an offset in a text. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses a JSON request body. A malformed body is answered with where it breaks (line/column):
 * JSON.parse on Node 20 often names no position, so on failure jsonc-parser (strict mode) locates it.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    const errors: ParseError[] = [];
    scanJson(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const { line, column } = positionOf(text, first?.offset ?? text.length);
    const problem = first ? printParseErrorCode(first.error) : 'InvalidSymbol';
    throw new ApiError(
      400,
      'malformedJson',
      {
        'zh-CN': `请求体不是合法的 JSON：第 ${line} 行第 ${column} 列（${problem}）`,
        en: `the request body is not valid JSON: line ${line}, column ${column} (${problem})`,
      },
      { line, column, problem },
    );
  }
}
