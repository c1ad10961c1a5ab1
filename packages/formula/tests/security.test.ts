import { describe, expect, it } from 'vitest';
import { compile, evaluate, FormulaSyntaxError, parse } from '../src/index.ts';
import { errorCode, run } from './support/run.ts';

// Known ways out of JavaScript expression sandboxes. Each must fail cleanly: a syntax error, a blank,
// or a formula error value — never code execution, prototype pollution, a crash or a hang.

function parseFails(text: string): boolean {
  try {
    parse(text);
    return false;
  } catch (error) {
    expect(error).toBeInstanceOf(FormulaSyntaxError);
    return true;
  }
}

describe('security', () => {
  it('has no way to call methods or reach constructors', () => {
    expect(parseFails('constructor.constructor("return process")()')).toBe(true);
    expect(parseFails('"".constructor')).toBe(true);
    expect(parseFails('a["constructor"]')).toBe(true);
    expect(parseFails('(1).toString()')).toBe(true);
    expect(parseFails('this.process')).toBe(false);
    expect(run('this.process')).toBe(null);
    expect(run('constructor')).toBe(null);
    expect(run('constructor.name')).toBe(null);
    expect(run('toString')).toBe(null);
    expect(run('valueOf')).toBe(null);
    expect(run('hasOwnProperty')).toBe(null);
  });

  it('never reads through prototypes', () => {
    const data = Object.create({ inherited: 'secret' }) as Record<string, unknown>;
    data.own = 1;
    expect(run('own', data)).toBe(1);
    expect(run('inherited', data)).toBe(null);
    expect(run('__proto__', {})).toBe(null);
    expect(run('__proto__.inherited', data)).toBe(null);
    expect(run('own.__proto__.constructor', data)).toBe(null);
    expect(run('$user.__proto__.polluted', {}, { variables: { user: {} } })).toBe(null);
    expect(run('$user.constructor', {}, { variables: { user: {} } })).toBe(null);
  });

  it('cannot pollute Object.prototype, even with a JSON "__proto__" key in the data', () => {
    const data = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}') as Record<string, unknown>;
    run('__proto__.polluted & x', data);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(errorCode(run('__proto__', data))).toBe('#VALUE!');
  });

  it('does not resolve globals or built-ins as functions', () => {
    for (const name of [
      'EVAL',
      'FUNCTION',
      'REQUIRE',
      'IMPORT',
      'CONSTRUCTOR',
      'TOSTRING',
      'HASOWNPROPERTY',
      '__PROTO__',
    ]) {
      expect(errorCode(run(`${name}("1")`))).toBe('#NAME?');
    }
  });

  it('refuses deep nesting without overflowing the stack', () => {
    expect(parseFails(`${'('.repeat(5000)}1${')'.repeat(5000)}`)).toBe(true);
    expect(parseFails(`${'IF(TRUE, '.repeat(1000)}1${')'.repeat(1000)}`)).toBe(true);
    expect(parseFails(`${'SUM('.repeat(1000)}1${')'.repeat(1000)}`)).toBe(true);
  });

  it('bounds huge strings and long loops', () => {
    expect(parseFails(`"${'x'.repeat(100_000)}"`)).toBe(true);
    const big = 'x'.repeat(600_000);
    expect(errorCode(run('a & a', { a: big }))).toBe('#VALUE!');
    const rows = Array.from({ length: 200_000 }, () => ({ v: 1 }));
    expect(errorCode(run('SUM(rows[].v * rows[].v)', { rows }))).toBe('#LIMIT!');
  });

  it('does not let a formula change the data it reads', () => {
    const data = { kr: [{ p: 3 }, { p: 1 }, { p: 2 }], owner: { name: 'x' } };
    const snapshot = JSON.stringify(data);
    for (const text of ['kr[].p * 2', 'SUM(kr[].p)', 'kr[].p > 1', 'owner.name & "!"']) run(text, data);
    expect(JSON.stringify(data)).toBe(snapshot);
  });

  it('evaluates against frozen data', () => {
    const data = Object.freeze({ a: Object.freeze([1, 2]) });
    expect(evaluate(compile(parse('SUM(a)')), { data })).toBe(3);
  });
});
