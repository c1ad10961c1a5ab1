import { describe, expect, it } from 'vitest';
import {
  analyzeFormula,
  check,
  evaluate,
  FormulaDate,
  parse,
  prepareFormula,
  type TypeName,
} from '../src/index.ts';

// Field types may come as a lookup (get + keys) instead of a table: a Map, or a view over a form's
// field index that would be costly to copy. The answers must be the table's.

const TABLE: Readonly<Record<string, TypeName>> = {
  score: 'number',
  status: 'string',
  due: 'date',
  'kr[].progress': 'number',
  'kr[].name': 'string',
};

/** A lookup over TABLE that counts how often each of its methods is called. */
function countingLookup() {
  const calls = { get: 0, keys: 0 };
  const map = new Map(Object.entries(TABLE));
  return {
    calls,
    lookup: {
      get: (path: string) => {
        calls.get++;
        return map.get(path);
      },
      keys: () => {
        calls.keys++;
        return map.keys();
      },
    },
  };
}

const FORMULAS = [
  'score * 2',
  'IF(status = "done", score, 0)',
  'due + 7',
  'SUM(kr[].progress) / COUNT(kr[].name)',
  'scroe + 1',
  'sttaus & "x"',
  'nothing',
  'ROUND(status, 2)',
  'kr[].progress * 100',
];

describe('check with a field lookup', () => {
  it.each(FORMULAS)('gives what the table gives: %s', (text) => {
    const ast = parse(text);
    const fromTable = check(ast, { fields: TABLE, source: text });
    expect(check(ast, { fields: new Map(Object.entries(TABLE)), source: text })).toEqual(fromTable);
    expect(check(ast, { fields: countingLookup().lookup, source: text })).toEqual(fromTable);
  });

  it('looks up only the names the formula reads, and lists names only to suggest one', () => {
    const known = countingLookup();
    expect(check(parse('score + score * 2'), { fields: known.lookup }).issues).toEqual([]);
    expect(known.calls).toEqual({ get: 2, keys: 0 });
    const typo = countingLookup();
    const [issue] = check(parse('scroe + 1'), { fields: typo.lookup, source: 'scroe + 1' }).issues;
    expect(issue?.messages.en).toBe('line 1, column 1: unknown field scroe — did you mean score?');
    expect(typo.calls.keys).toBe(1);
  });

  it('is used by analyzeFormula and prepareFormula, which compiles date fields from it', () => {
    const fields = new Map<string, TypeName>(Object.entries(TABLE));
    const analyzed = analyzeFormula('due + 1', { fields });
    expect(analyzed).toMatchObject({ ok: true, type: { kind: 'date' }, dependencies: ['due'] });
    const prepared = prepareFormula('due + 1', { fields });
    if (!prepared.ok) throw new Error('due + 1 should prepare');
    const value = evaluate(prepared.compiled, { data: { due: '2026-02-28' } });
    expect(value).toBeInstanceOf(FormulaDate);
    expect(String(value)).toBe('2026-03-01');
  });

  it('treats a table with a field named "get" as a table', () => {
    const fields: Readonly<Record<string, TypeName>> = { get: 'number', keys: 'string' };
    expect(check(parse('get + 1'), { fields }).issues).toEqual([]);
    expect(check(parse('keys * 2'), { fields }).issues).toHaveLength(1);
  });
});
