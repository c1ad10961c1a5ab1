import { describe, expect, it } from 'vitest';
import { FormulaSyntaxError, MAX_DEPTH, parse, print } from '../src/index.ts';

function syntaxError(text: string): FormulaSyntaxError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof FormulaSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

describe('parse', () => {
  it('follows Excel precedence', () => {
    expect(print(parse('1+2*3^2'))).toBe('1 + 2 * 3 ^ 2');
    expect(print(parse('(1+2)*3'))).toBe('(1 + 2) * 3');
    expect(print(parse('a & b = c'))).toBe('a & b = c');
    expect(parse('a & b = c')).toMatchObject({ type: 'Binary', op: '=', left: { op: '&' } });
  });

  it('binds unary minus tighter than ^ and keeps ^ left-associative, as Excel does', () => {
    expect(parse('-2^2')).toMatchObject({ type: 'Binary', op: '^', left: { type: 'Unary', op: '-' } });
    expect(parse('2^3^2')).toMatchObject({ op: '^', left: { op: '^' }, right: { value: 2 } });
  });

  it('reads AND/OR/NOT as keywords and as functions, case-insensitively', () => {
    expect(parse('a and b or not c')).toMatchObject({
      type: 'Binary',
      op: 'OR',
      left: { op: 'AND' },
      right: { type: 'Call', name: 'NOT' },
    });
    expect(parse('AND(a, b)')).toMatchObject({ type: 'Call', name: 'AND' });
    expect(parse('sum(1)')).toMatchObject({ type: 'Call', name: 'SUM' });
  });

  it('reads literals: numbers, percent, strings with escapes, booleans, null, arrays', () => {
    expect(parse('1.5e3')).toMatchObject({ type: 'Number', value: 1500 });
    expect(parse('.5')).toMatchObject({ type: 'Number', value: 0.5 });
    expect(parse('50%')).toMatchObject({ type: 'Unary', op: '%', operand: { value: 50 } });
    expect(parse('"say ""hi"""')).toMatchObject({ type: 'String', value: 'say "hi"' });
    expect(parse('"a\\nb\\t\\"c\\" \\\\ \\u{4e2d}"')).toMatchObject({ value: 'a\nb\t"c" \\ 中' });
    expect(parse('TRUE')).toMatchObject({ type: 'Boolean', value: true });
    expect(parse('false')).toMatchObject({ type: 'Boolean', value: false });
    expect(parse('NULL')).toMatchObject({ type: 'Blank' });
    expect(parse('{1, "a"}')).toMatchObject({ type: 'Array', elements: [{ value: 1 }, { value: 'a' }] });
  });

  it('reads Chinese field keys and strings, and field paths', () => {
    expect(parse('目标值 * 权重')).toMatchObject({
      left: { type: 'Field', path: [{ key: '目标值', each: false }] },
      right: { type: 'Field', path: [{ key: '权重' }] },
    });
    expect(parse('状态 = "已完成"')).toMatchObject({ right: { type: 'String', value: '已完成' } });
    expect(parse('owner.name')).toMatchObject({ path: [{ key: 'owner' }, { key: 'name' }] });
    expect(parse('keyResults[].progress')).toMatchObject({
      path: [
        { key: 'keyResults', each: true },
        { key: 'progress', each: false },
      ],
    });
  });

  it('reads context variables', () => {
    expect(parse('$user.name')).toMatchObject({ type: 'Variable', name: 'user', path: ['name'] });
    expect(parse('$today')).toMatchObject({ type: 'Variable', name: 'today', path: [] });
  });

  it('accepts the full-width punctuation Chinese input methods type', () => {
    expect(print(parse('IF（a > 1，"是"，“否”）'))).toBe('IF(a > 1, "是", "否")');
  });

  it('records source spans', () => {
    const ast = parse('SUM(a, bb)');
    expect(ast.span).toEqual({ start: 0, end: 10 });
    expect(ast).toMatchObject({ args: [{ span: { start: 4, end: 5 } }, { span: { start: 7, end: 9 } }] });
  });
});

describe('syntax errors', () => {
  it('say where and what, in zh-CN and en, with a caret excerpt', () => {
    const error = syntaxError('IF(a > 1, 2, 3');
    expect(error.line).toBe(1);
    expect(error.column).toBe(15);
    expect(error.messages['zh-CN']).toBe('第 1 行第 15 列：缺少右括号');
    expect(error.messages.en).toBe('line 1, column 15: missing closing parenthesis');
    expect(error.message).toBe(error.messages.en);
    expect(error.excerpt).toBe('IF(a > 1, 2, 3\n              ^');
  });

  it('point at the right line of a multi-line formula and align the caret under Chinese text', () => {
    const error = syntaxError('IF(状态 = "完成",\n  分数 *, 0)');
    expect(error.line).toBe(2);
    expect(error.column).toBe(7);
    expect(error.messages['zh-CN']).toBe('第 2 行第 7 列：此处应为表达式');
    expect(error.excerpt).toBe('  分数 *, 0)\n  \u3000\u3000  ^');
  });

  it.each([
    ['1 +', 'expected an expression here'],
    ['"abc', 'string is missing its closing quote'],
    ['"a\\q"', 'invalid escape sequence \\q'],
    ['a # b', 'unexpected character "#"'],
    ['1 2', 'unexpected "2"'],
    ['SUM(1))', 'unexpected ")"'],
    ['owner.', 'expected a field name here'],
    ['$', 'expected a variable name after $, such as $user'],
    ['12abc', 'invalid number 12a'],
    ['{1, 2', 'missing closing brace }'],
    ['', 'formula is empty'],
    ['AND', 'expected an expression here'],
  ])('%j → %s', (text, expected) => {
    expect(syntaxError(text).messages.en).toContain(expected);
  });

  it('report a bad character first, even one after another error, as a whole-text scan would', () => {
    expect(syntaxError('SUM(1)) + #').messages.en).toBe('line 1, column 11: unexpected character "#"');
    expect(syntaxError('(1 + "open').messages.en).toContain('string is missing its closing quote');
    expect(syntaxError(`${'('.repeat(300)}1 @`).messages.en).toContain('unexpected character "@"');
  });

  it('refuse very deep nesting and very long chains without overflowing the stack', () => {
    expect(syntaxError(`${'('.repeat(9000)}1${')'.repeat(9000)}`).messages.en).toContain('nested too deeply');
    expect(syntaxError(`${'-'.repeat(19_000)}1`).messages.en).toContain('nested too deeply');
    expect(syntaxError(`${'NOT '.repeat(4000)}1`).messages.en).toContain('nested too deeply');
    expect(syntaxError(Array.from({ length: 5000 }, () => 'a').join('+')).messages.en).toContain(
      'nested too deeply',
    );
    expect(() => parse(`${'('.repeat(MAX_DEPTH - 5)}1${')'.repeat(MAX_DEPTH - 5)}`)).not.toThrow();
  });

  it('refuse formulas longer than the limit', () => {
    expect(syntaxError(`"${'x'.repeat(30_000)}"`).messages.en).toContain('formula is too long');
  });
});
