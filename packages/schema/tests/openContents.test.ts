import { describe, expect, it } from 'vitest';
import { markOpenContents, OPEN_KEYWORD } from '../scripts/validators/openContents.ts';
import { DEFINITION_KINDS } from '../src/kinds/registry.ts';
import { MAX_DEFINITION_DEPTH } from '../src/validate/depthProblem.ts';

const marked = (schema: object) => markOpenContents(schema).marked as Record<string, unknown>;

describe('markOpenContents', () => {
  it('marks schemas that let unchecked objects or arrays through, and nothing else', () => {
    expect(marked({ type: 'object' })[OPEN_KEYWORD]).toBe(true);
    expect(marked({ type: 'array' })[OPEN_KEYWORD]).toBe(true);
    expect(marked({})[OPEN_KEYWORD]).toBe(true);
    expect(marked({ type: 'object', properties: { a: { type: 'string' } } })[OPEN_KEYWORD]).toBe(true);
    expect(marked({ type: 'object', additionalProperties: false })[OPEN_KEYWORD]).toBeUndefined();
    expect(
      marked({ type: 'object', additionalProperties: { type: 'number' } })[OPEN_KEYWORD],
    ).toBeUndefined();
    expect(marked({ type: 'array', items: { type: 'string' } })[OPEN_KEYWORD]).toBeUndefined();
    expect(marked({ type: 'string' })[OPEN_KEYWORD]).toBeUndefined();
    expect(marked({ const: 'a' })[OPEN_KEYWORD]).toBeUndefined();
  });

  it('leaves a union to its branches, and marks an open branch inside it', () => {
    const union = marked({
      if: { type: 'string' },
      // biome-ignore lint/suspicious/noThenProperty: `then` is the JSON Schema keyword
      then: { type: 'string' },
      else: { type: 'object', properties: { type: { const: 'x' } } },
    });
    expect(Object.keys(union).sort()).toEqual(['else', 'if', 'then']);
    expect((union.else as Record<string, unknown>)[OPEN_KEYWORD]).toBe(true);
    // Tests are copied as they are: a mark there could turn their answer.
    const test = marked({ type: 'object', additionalProperties: false, properties: { a: { not: {} } } });
    expect((test.properties as Record<string, Record<string, unknown>>).a?.not as object).toEqual({});
  });

  it('leaves an allOf part unmarked when another part answers for the whole value', () => {
    const tag = { type: 'object', required: ['type'] };
    const closed = { type: 'object', additionalProperties: false, properties: { type: { const: 'x' } } };
    const both = marked({ allOf: [tag, closed] }).allOf as Record<string, unknown>[];
    expect(both.map((part) => part[OPEN_KEYWORD])).toEqual([undefined, undefined]);
    expect(both[0]).toEqual(tag);
    // With every part open, each keeps its mark: nothing else measures the value.
    const open = marked({ allOf: [tag, { type: 'object', properties: {} }] }).allOf as Record<
      string,
      unknown
    >[];
    expect(open.map((part) => part[OPEN_KEYWORD])).toEqual([true, true]);
    // The same part standing alone elsewhere keeps its mark there.
    const shared = marked({
      type: 'object',
      additionalProperties: false,
      properties: { a: { allOf: [tag, closed] }, b: tag },
    }).properties as Record<string, Record<string, unknown>>;
    expect(shared.b?.[OPEN_KEYWORD]).toBe(true);
  });

  it('measures how deep a schema checks values, and refuses what it cannot bound', () => {
    const schema = {
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'array', items: { type: 'object', additionalProperties: false } } },
    };
    expect(markOpenContents(schema).height).toBe(2);
    expect(() => markOpenContents({ $ref: '#' })).toThrow(/\$ref/);
    expect(() => markOpenContents({ const: { a: 1 } })).toThrow(/const/);
  });

  it('bounds every definition schema under the depth limit', () => {
    for (const { schema } of DEFINITION_KINDS.values())
      expect(markOpenContents(schema).height).toBeLessThan(MAX_DEFINITION_DEPTH);
  });
});
