import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefinitionValidator } from '../src/validate/createDefinitionValidator.ts';
import { validateDefinition } from '../src/validate/validateDefinition.ts';
import {
  applyMutation,
  copyJson,
  type Json,
  jsonText,
  type Mutation,
  mutationArbitrary,
  nodesOf,
} from './support/mutations.ts';
import { shareWith } from './support/sharing.ts';

// createDefinitionValidator must answer exactly what validateDefinition answers, for any sequence of
// edits made with structural sharing — whatever it remembered from the versions before.

const FIXTURES = new URL('../fixtures/valid/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, document: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Json }));
const form = fixtures.find((f) => f.file === 'form-kpi-scorecard.json')?.document ?? null;

/** Keys whose string values are formulas in some definition kind. */
const FORMULA_KEYS = new Set(['formula', 'visible', 'required', 'readOnly', 'condition', 'filter', 'when']);

/** Formula text made of the fixture's fields (some misspelt), functions, operators and literals. */
const formulaText = fc
  .array(
    fc.constantFrom(
      'score',
      'scroe',
      'totalWeight',
      'status',
      'period',
      'kpis[].weight',
      'kpis[].actual',
      'weight',
      'target',
      'actual',
      'rowScore',
      'reviewer.name',
      'missing',
      '$user.name',
      '$today',
      '$bogus',
      'SUM(',
      'IF(',
      'ROUND(',
      'ISBLANK(',
      'FOO(',
      ')',
      ',',
      '+',
      '*',
      '/',
      '&',
      '=',
      '<',
      'AND',
      '1',
      '100',
      '"draft"',
      'TRUE',
    ),
    { minLength: 1, maxLength: 8 },
  )
  .map((tokens) => tokens.join(' '));

/** Names and paths an author might type; some exist in the fixtures, some do not. */
const NAMES = ['score', 'total', 'kpis', 'weight', 'status', 'comment', 'note', 'reviewer', 'extra'] as const;
const PATHS = [
  ...NAMES,
  'kpis[].weight',
  'kpis[].actual',
  'reviewer.name',
  'weight',
  'actual',
  'missing',
] as const;

/** Field schemas the designer's palette makes. */
const FIELD_SCHEMAS: readonly Json[] = [
  { type: 'number', title: { 'zh-CN': '数值', en: 'Number' } },
  { type: 'integer', minimum: 0 },
  { type: 'string' },
  { type: 'string', format: 'date' },
  { type: 'string', enum: ['draft', 'approved'] },
  { type: 'boolean' },
  { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true },
  { type: 'array', items: { $ref: '#/$defs/kpiRow' } },
  { type: 'object', properties: { name: { type: 'string' }, score: { type: 'number' } } },
  { $ref: '#/$defs/kpiRow' },
];

/**
 * An edit: what the designer does (rename a field, change its type, rebind a node or a rule, move a
 * node, drop an item, type a formula, paste an object a second time) or one of the fuzzing mutations.
 */
type Edit =
  | { readonly kind: 'mutation'; readonly mutation: Mutation }
  | { readonly kind: 'formula'; readonly at: number; readonly text: string }
  | { readonly kind: 'renameField'; readonly at: number; readonly key: number; readonly name: string }
  | { readonly kind: 'fieldSchema'; readonly at: number; readonly schema: number }
  | { readonly kind: 'path'; readonly at: number; readonly path: string }
  | { readonly kind: 'move'; readonly at: number; readonly to: number }
  | { readonly kind: 'dropItem'; readonly at: number }
  | { readonly kind: 'alias'; readonly at: number; readonly to: number };

const at = fc.nat();
const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 2,
    // Nesting kept around the depth limit (64), where the remembered heights and the walk must agree.
    arbitrary: mutationArbitrary.map((mutation) => ({
      kind: 'mutation' as const,
      mutation: mutation.op === 'deepNesting' ? { ...mutation, depth: 40 + (mutation.depth % 50) } : mutation,
    })),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('formula' as const), at, text: formulaText }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('renameField' as const),
      at,
      key: fc.nat(),
      name: fc.constantFrom(...NAMES),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('fieldSchema' as const), at, schema: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('path' as const), at, path: fc.constantFrom(...PATHS) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), at, to: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('dropItem' as const), at }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('alias' as const), at, to: fc.nat() }) },
);

type JsonObject = Record<string, Json>;
const pick = <T>(items: readonly T[], index: number): T | undefined =>
  items[index % Math.max(1, items.length)];
const isObject = (value: Json): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Applies an edit to a copy of `document` in place; returns the copy's root. */
function applyEdit(document: Json, edit: Edit): Json {
  const root = copyJson(document);
  if (edit.kind === 'mutation') return applyMutation(root, edit.mutation);
  const nodes = nodesOf(root);
  const set = (node: (typeof nodes)[number] | undefined, value: Json): void => {
    if (node?.parent) (node.parent as Record<string | number, Json>)[node.key as string | number] = value;
  };
  const fieldMaps = nodes
    .filter((n) => n.key === 'properties' && isObject(n.value))
    .map((n) => n.value as JsonObject);
  switch (edit.kind) {
    case 'formula':
      set(
        pick(
          nodes.filter((n) => typeof n.value === 'string' && FORMULA_KEYS.has(String(n.key))),
          edit.at,
        ),
        edit.text,
      );
      return root;
    case 'renameField': {
      const map = pick(fieldMaps, edit.at);
      const key = map && pick(Object.keys(map), edit.key);
      if (!map || key === undefined || Object.hasOwn(map, edit.name)) return root;
      const entries = Object.entries(map);
      for (const k of Object.keys(map)) delete map[k];
      for (const [k, v] of entries) map[k === key ? edit.name : k] = v;
      return root;
    }
    case 'fieldSchema': {
      const fields = fieldMaps.flatMap((map) => Object.keys(map).map((key) => ({ map, key })));
      const field = pick(fields, edit.at);
      if (field) field.map[field.key] = copyJson(pick(FIELD_SCHEMAS, edit.schema) as Json);
      return root;
    }
    case 'path':
      set(
        pick(
          nodes.filter((n) => (n.key === 'path' || n.key === 'target') && typeof n.value === 'string'),
          edit.at,
        ),
        edit.path,
      );
      return root;
    case 'move': {
      const lists = nodes.filter((n) => (n.key === 'children' || n.key === 'root') && Array.isArray(n.value));
      const from = pick(
        lists.filter((n) => (n.value as Json[]).length > 0),
        edit.at,
      )?.value as Json[] | undefined;
      const to = pick(lists, edit.to)?.value as Json[] | undefined;
      if (!from || !to) return root;
      const [id] = from.splice(edit.at % from.length, 1);
      if (id !== undefined) to.splice(edit.to % (to.length + 1), 0, id);
      return root;
    }
    case 'dropItem': {
      const arrays = nodes.filter((n) => Array.isArray(n.value) && n.value.length > 0);
      const array = pick(arrays, edit.at)?.value as Json[] | undefined;
      array?.splice(edit.at % array.length, 1);
      return root;
    }
    case 'alias': {
      // One object also placed where another value was (never inside itself).
      const objects = nodes.filter((n) => n.value !== null && typeof n.value === 'object' && n.parent);
      const source = pick(objects, edit.at);
      if (!source) return root;
      const inside = new Set(nodesOf(source.value).map((n) => n.value));
      const places = nodes.filter((n) => n.parent && !inside.has(n.parent) && n.value !== source.value);
      set(pick(places, edit.to), source.value);
      return root;
    }
  }
}

/** Runs the edits one after another; at each version, the incremental and the cold answers must agree. */
function expectSameAnswers(start: Json, edits: readonly Edit[]): void {
  const validate = createDefinitionValidator();
  let version = start;
  expect(validate(version)).toEqual(validateDefinition(copyJson(version)));
  for (const edit of edits) {
    version = shareWith(version, applyEdit(version, edit));
    const before = jsonText(version);
    const incremental = validate(version);
    expect(jsonText(version)).toBe(before);
    expect(incremental).toEqual(validateDefinition(copyJson(version)));
  }
}

describe('createDefinitionValidator', () => {
  it('shares what the edits did not touch (so the memo is exercised)', () => {
    const before = form as Record<string, Json>;
    const edited = shareWith(form, applyEdit(form, { kind: 'formula', at: 0, text: 'score > 1' })) as Record<
      string,
      Json
    >;
    expect(jsonText(edited)).not.toBe(jsonText(form));
    expect(edited.data).toBe(before.data);
    expect(edited.layout).toBe(before.layout);
  });

  it('reaches the meaning checks with its edits, not only the schema', () => {
    const codes = new Set<string>();
    let valid = 0;
    for (const edits of fc.sample(fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), {
      numRuns: 100,
      seed: 20261127,
    })) {
      let version = form;
      for (const edit of edits) {
        version = shareWith(version, applyEdit(version, edit));
        const result = validateDefinition(version);
        if (result.ok) valid++;
        else for (const issue of result.issues) codes.add(issue.code);
      }
    }
    expect(valid).toBeGreaterThan(20);
    expect([...codes].filter((code) => code.startsWith('formula.')).length).toBeGreaterThanOrEqual(3);
    expect([...codes].filter((code) => code.startsWith('layout.')).length).toBeGreaterThanOrEqual(3);
    // A check that crashed is reported as "internal": these edits must never find one.
    expect(codes).not.toContain('internal');
  }, 60_000);

  for (const { file, document } of fixtures) {
    it(`answers as validateDefinition after every edit of a sequence: ${file}`, () => {
      fc.assert(
        fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: 10 }), (edits) => {
          expectSameAnswers(document, edits);
        }),
        { numRuns: file === 'form-kpi-scorecard.json' ? 300 : 60 },
      );
    }, 120_000);
  }

  it('answers as validateDefinition when one validator follows several definitions in turn', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: fixtures.length - 1 }), editArbitrary), {
          minLength: 2,
          maxLength: 12,
        }),
        (steps) => {
          const validate = createDefinitionValidator();
          const versions = fixtures.map((f) => f.document);
          for (const [which, edit] of steps) {
            const previous = versions[which] as Json;
            const version = shareWith(previous, applyEdit(previous, edit));
            versions[which] = version;
            expect(validate(version)).toEqual(validateDefinition(copyJson(version)));
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);

  it('answers as validateDefinition for objects with inherited enumerable keys', () => {
    // ajv's loops (for…in) see inherited keys; the memoized one reads own keys fast only when there are none.
    const base = form as Record<string, Json>;
    const layout = base.layout as Record<string, Json>;
    const nodes = Object.assign(
      Object.create({ 'not an id!': { type: 'text', content: 'x' } }) as Record<string, Json>,
      layout.nodes,
    );
    const document = { ...base, layout: { ...layout, nodes } };
    const validate = createDefinitionValidator();
    validate(form);
    const result = validate(document);
    expect(result).toEqual(validateDefinition(document));
    expect(result.ok).toBe(false);
    // The first validations compile the validators (~1 s each on a busy machine).
  }, 60_000);

  it('finds the same problems as validateDefinition in a form whose edits break and repair it', () => {
    const validate = createDefinitionValidator();
    const base = form as Record<string, Json>;
    const rules = base.rules as Json[];
    const broken = { ...base, rules: [...rules, { target: 'score', visible: 'scroe > 1' }] };
    const result = validate(broken);
    expect(result.ok).toBe(false);
    expect(result).toEqual(validateDefinition(copyJson(broken)));
    expect(result.ok ? [] : result.issues.map((i) => i.code)).toContain('formula.unknownField');
    expect(validate(base)).toEqual(validateDefinition(copyJson(base)));
    expect(validate(base).ok).toBe(true);
  }, 60_000);
});
