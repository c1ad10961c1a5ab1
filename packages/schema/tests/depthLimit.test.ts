import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDefinitionValidator, validateDefinition } from '../src/index.ts';
import { depthProblem, MAX_DEFINITION_DEPTH } from '../src/validate/depthProblem.ts';

// validateDefinition no longer measures every document before validating it: the "valid?" walk proves
// a document it accepts shallow enough, measuring only what the schema leaves open (widget props), and
// the full measure runs before explaining an invalid document. Whatever the path, the answer must be
// the depth guard's: a document nested MAX_DEFINITION_DEPTH deep gets exactly its one issue.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const FIXTURES = new URL('../fixtures/valid/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, document: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Json }));

/** `levels` containers, each the only value of the one before, objects or arrays. */
function nested(levels: number, shape: 'object' | 'array'): Json {
  let value: Json = 1;
  for (let i = 0; i < levels; i++) value = shape === 'object' ? { x: value } : [value];
  return value;
}

/** Every object and array of a document with its depth (the root is at 0). */
function containers(root: Json): { value: Json[] | { [key: string]: Json }; depth: number }[] {
  const found: { value: Json[] | { [key: string]: Json }; depth: number }[] = [];
  const visit = (value: Json, depth: number): void => {
    if (value === null || typeof value !== 'object') return;
    found.push({ value, depth });
    for (const child of Object.values(value)) visit(child, depth + 1);
  };
  visit(root, 0);
  return found;
}

/** A form fixture whose first field node has `props` nested `levels` deep (props itself is at depth 4). */
function formWithProps(levels: number): Json {
  const form = structuredClone(fixtures.find((f) => f.file.startsWith('form-'))?.document) as {
    layout: { nodes: Record<string, { type: string; props?: Json }> };
  };
  const field = Object.values(form.layout.nodes).find((node) => node.type === 'field');
  if (!field) throw new Error('the form fixture has no field node');
  field.props = { deep: nested(levels, 'object') };
  return form as unknown as Json;
}

describe('validateDefinition and the depth limit', () => {
  it('accepts widget props just under the limit and reports them at it, at the guard’s pointer', () => {
    // props at depth 4, `deep` at 5, then `levels` nested objects: the last at depth 4 + levels.
    const under = formWithProps(MAX_DEFINITION_DEPTH - 5);
    expect(depthProblem(under)).toBeUndefined();
    expect(validateDefinition(under).ok).toBe(true);
    const at = formWithProps(MAX_DEFINITION_DEPTH - 4);
    const problem = depthProblem(at);
    expect(problem?.code).toBe('schema.tooDeep');
    expect(validateDefinition(at)).toEqual({ ok: false, issues: [problem] });
    expect(createDefinitionValidator()(at)).toEqual({ ok: false, issues: [problem] });
  });

  it('reports a document too deep before its migration', () => {
    const old = formWithProps(MAX_DEFINITION_DEPTH * 4) as { schemaVersion: number };
    old.schemaVersion = 0;
    expect(validateDefinition(old)).toEqual({ ok: false, issues: [depthProblem(old)] });
  });

  it('survives a document nested far beyond the stack, invalid or in open props', () => {
    const hostile = formWithProps(100_000);
    expect(validateDefinition(hostile)).toEqual({ ok: false, issues: [depthProblem(hostile)] });
    const misplaced = structuredClone(fixtures[0]?.document) as { [key: string]: Json };
    misplaced.title = nested(100_000, 'array');
    expect(validateDefinition(misplaced)).toEqual({ ok: false, issues: [depthProblem(misplaced)] });
  });

  for (const { file, document } of fixtures) {
    it(`gives the depth guard's answer for nesting added anywhere in ${file}`, () => {
      const places = containers(document);
      fc.assert(
        fc.property(
          fc.nat(),
          fc.integer({ min: -3, max: 3 }),
          fc.constantFrom('object' as const, 'array' as const),
          fc.constantFrom('props', 'x', undefined),
          (at, over, shape, key) => {
            const copy = structuredClone(document);
            const { value, depth } = containers(copy)[at % places.length] as (typeof places)[number];
            // The added value's deepest container lands `over` levels past the limit's first one.
            const levels = Math.max(1, MAX_DEFINITION_DEPTH + over - depth);
            if (Array.isArray(value)) value.push(nested(levels, shape));
            else {
              const name = key ?? Object.keys(value)[0] ?? 'x';
              value[name] = nested(levels, shape);
            }
            // A document whose kind is gone is answered by that first (as it always was).
            fc.pre((copy as { kind?: Json }).kind === (document as { kind?: Json }).kind);
            const problem = depthProblem(copy);
            const result = validateDefinition(copy);
            if (problem) expect(result).toEqual({ ok: false, issues: [problem] });
            else
              expect(result.ok ? [] : result.issues.map((issue) => issue.code)).not.toContain(
                'schema.tooDeep',
              );
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});
