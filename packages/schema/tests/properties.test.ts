import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DefinitionIssue } from '../src/validate/issues.ts';
import { validateDefinition } from '../src/validate/validateDefinition.ts';
import { applyMutation, type Json, jsonText, type Mutation, mutatedDocument } from './support/mutations.ts';

const FIXTURES = new URL('../fixtures/valid/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, document: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Json }));

/** The value at a JSON pointer, or `missing`. */
function at(document: Json, pointer: string): Json | 'missing' {
  let value: Json | undefined = document;
  for (const raw of pointer === '' ? [] : pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return 'missing';
    value = (value as Record<string, Json>)[key];
  }
  return value ?? 'missing';
}

/** What every issue must look like, whatever the document. */
function expectWellFormed(issue: DefinitionIssue, document: Json): void {
  expect(typeof issue.pointer).toBe('string');
  expect(issue.pointer === '' || issue.pointer.startsWith('/'), issue.pointer).toBe(true);
  expect(typeof issue.code === 'string' && issue.code.length > 0, issue.code).toBe(true);
  // A check that crashed is reported as "internal": the fuzzing must never find one.
  expect(issue.code).not.toBe('internal');
  expect(typeof issue.message['zh-CN'] === 'string' && issue.message['zh-CN'].length > 0).toBe(true);
  expect(typeof issue.message.en === 'string' && issue.message.en.length > 0).toBe(true);
  // The pointer names a value of the document, or a missing member of one (a required property).
  const parent = issue.pointer.slice(0, Math.max(0, issue.pointer.lastIndexOf('/')));
  expect(at(document, parent), `the parent of ${issue.pointer}`).not.toBe('missing');
}

describe('validateDefinition on random mutations of the valid fixtures', () => {
  it('has fixtures to mutate', () => {
    expect(fixtures.map((f) => f.file)).toContain('form-kpi-scorecard.json');
  });

  for (const { file, document: original } of fixtures) {
    it(`never throws, and answers ok or well-formed issues, without touching the input: ${file}`, () => {
      fc.assert(
        fc.property(mutatedDocument(original), ({ document }) => {
          const before = jsonText(document);
          const result = validateDefinition(document);
          expect(jsonText(document)).toBe(before);
          if (result.ok) return;
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) expectWellFormed(issue, document);
        }),
        { numRuns: 250 },
      );
    }, 60_000);
  }

  it('reach the meaning checks, not only the schema (so the fuzzing tests something)', () => {
    const form = fixtures.find((f) => f.file === 'form-kpi-scorecard.json')?.document ?? null;
    const codes = new Set<string>();
    let valid = 0;
    for (const { document } of fc.sample(mutatedDocument(form, 2), { numRuns: 400, seed: 20261127 })) {
      const result = validateDefinition(document);
      if (result.ok) valid++;
      else for (const issue of result.issues) codes.add(issue.code);
    }
    const meaning = [...codes].filter((code) => !code.startsWith('schema.'));
    expect(codes.size).toBeGreaterThanOrEqual(12);
    expect(meaning.length, meaning.join(', ')).toBeGreaterThanOrEqual(5);
    // Some edits leave the form valid (a swapped title, a duplicated rule that is still unique…), most do not.
    expect(valid).toBeGreaterThan(0);
    expect(valid).toBeLessThan(200);
  });
});

describe('validateDefinition on hostile edge cases', () => {
  const form = (): Record<string, Json> =>
    JSON.parse(JSON.stringify(fixtures.find((f) => f.file === 'form-kpi-scorecard.json')?.document));
  const check = (document: Json): void => {
    const result = validateDefinition(document);
    if (!result.ok) for (const issue of result.issues) expectWellFormed(issue, document);
  };
  const deep = (depth: number): Json => {
    let value: Json = 1;
    for (let i = 0; i < depth; i++) value = [value];
    return value;
  };

  it('survives values nested thousands deep where a string or a tag is expected', () => {
    for (const path of [['layout', 'nodes', 'fScore', 'type'], ['title'], ['kind'], ['schemaVersion']]) {
      const document = form();
      let target = document as Record<string, Json>;
      for (const key of path.slice(0, -1)) target = target[key as string] as Record<string, Json>;
      target[path.at(-1) as string] = deep(20_000);
      expect(() => check(document), path.join('/')).not.toThrow();
    }
  });

  it('treats __proto__, constructor and friends as plain names', () => {
    const document = JSON.parse(
      JSON.stringify(form())
        .replace('"fScore"', '"__proto__"')
        .replace('"comment":', '"constructor":')
        .replace('"target": "comment"', '"target": "constructor"'),
    ) as Json;
    check(document);
    const result = validateDefinition(document);
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain('layout.unknownPath');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the mutations', () => {
  const base = (): Json => ({ a: { b: [1, 'x', { c: true }] }, d: 'y' });
  const run = (mutation: Mutation): Json => applyMutation(base(), mutation);

  it('delete, rename (in place), duplicate and replace what they say', () => {
    expect(run({ op: 'delete', at: 0, key: 1 })).toEqual({ a: { b: [1, 'x', { c: true }] } });
    expect(Object.keys(run({ op: 'rename', at: 0, key: 0, name: 'z' }) as object)).toEqual(['z', 'd']);
    expect(run({ op: 'duplicate', at: 0, item: 1 })).toEqual({
      a: { b: [1, 'x', 'x', { c: true }] },
      d: 'y',
    });
    expect(run({ op: 'replace', at: 0, value: 7 })).toBe(7);
  });

  it('inject hostile keys as own properties, as JSON.parse does', () => {
    const injected = run({ op: 'inject', at: 0, key: '__proto__', value: { polluted: true } }) as object;
    expect(Object.keys(injected)).toEqual(['a', 'd', '__proto__']);
    expect(Object.getPrototypeOf(injected)).toBe(Object.prototype);
    expect(jsonText(injected as Json)).toBe(
      JSON.stringify(JSON.parse('{"a":{"b":[1,"x",{"c":true}]},"d":"y","__proto__":{"polluted":true}}')),
    );
  });

  it('build long strings, deep nesting and deep formulas', () => {
    const long = run({ op: 'longString', at: 0, chunk: '中文', length: 50_000 });
    expect(JSON.stringify(long)).toContain('中文'.repeat(25_000));
    let deep = run({ op: 'deepNesting', at: 0, depth: 5000, shape: 'array' }) as Record<string, Json>;
    let depth = 0;
    for (let v: Json | undefined = deep.d; Array.isArray(v); v = v[0]) depth++;
    deep = run({ op: 'deepFormula', at: 0, depth: 3, call: 'SUM' }) as Record<string, Json>;
    expect(depth).toBe(5000);
    expect(jsonText(deep)).toContain('"SUM(SUM(SUM(1)))"');
  });

  it('swap two leaves of the same type', () => {
    expect(run({ op: 'swap', at: 2, other: 0 })).toEqual({ a: { b: [1, 'y', { c: true }] }, d: 'x' });
  });
});
