import { describe, expect, it } from 'vitest';
import { depthProblem, MAX_DEFINITION_DEPTH, rememberedDepthProblem } from '../src/validate/depthProblem.ts';

/** `levels` objects, each the only value of the one before: { x: { x: … 1 } }. */
function nested(levels: number): object {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = { x: value };
  return value as object;
}

describe('the depth guard', () => {
  it('reports the first object nested MAX_DEFINITION_DEPTH deep, at its pointer', () => {
    // The root is at depth 0, `a` at 1, `b` (the first of the nested objects) at 2.
    const atLimit = { a: { b: nested(MAX_DEFINITION_DEPTH - 1) }, c: [1] };
    expect(depthProblem(atLimit)).toMatchObject({
      code: 'schema.tooDeep',
      pointer: `/a/b${'/x'.repeat(MAX_DEFINITION_DEPTH - 2)}`,
    });
    expect(rememberedDepthProblem(atLimit, new WeakMap())).toEqual(depthProblem(atLimit));
    const justUnder = { a: { b: nested(MAX_DEFINITION_DEPTH - 2) }, c: [1] };
    expect(depthProblem(justUnder)).toBeUndefined();
    expect(rememberedDepthProblem(justUnder, new WeakMap())).toBeUndefined();
  });

  it('counts own properties only, as JSON has, though it measures with for…in', () => {
    // An inherited enumerable property deeper than the limit is not part of the document.
    const document = Object.create({ inherited: nested(MAX_DEFINITION_DEPTH * 2) }) as Record<
      string,
      unknown
    >;
    document.own = { x: 1 };
    expect(depthProblem(document)).toBeUndefined();
    expect(rememberedDepthProblem(document, new WeakMap())).toBeUndefined();
    document.own = nested(MAX_DEFINITION_DEPTH);
    expect(depthProblem(document)?.pointer).toBe(`/own${'/x'.repeat(MAX_DEFINITION_DEPTH - 1)}`);
  });
});
