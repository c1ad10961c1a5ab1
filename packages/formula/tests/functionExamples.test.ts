import { describe, expect, it } from 'vitest';
import { compile, evaluate, listFunctions, parse, toJSONValue } from '../src/index.ts';

// Every documented example of every function is evaluated here, so docs/formula.md cannot lie.
// The clock is fixed so TODAY() and NOW() examples are stable: 2026-11-27 10:30 in Asia/Shanghai.
const NOW = Date.parse('2026-11-27T02:30:00Z');

/** JSON form of a result: errors as their code, dates as ISO text. */
function plain(value: ReturnType<typeof evaluate>): unknown {
  const json = toJSONValue(value);
  const unwrap = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(unwrap)
      : v && typeof v === 'object' && 'error' in v
        ? (v as { error: string }).error
        : v;
  return unwrap(json);
}

describe('function examples', () => {
  for (const spec of listFunctions()) {
    it(`${spec.name} has a description in both locales and at least one example`, () => {
      expect(spec.description['zh-CN'].length).toBeGreaterThan(0);
      expect(spec.description.en.length).toBeGreaterThan(0);
      expect(spec.examples.length).toBeGreaterThan(0);
    });
    for (const example of spec.examples) {
      it(`${example.formula} → ${JSON.stringify(example.result)}`, () => {
        const value = evaluate(compile(parse(example.formula)), {
          data: example.data ?? {},
          now: NOW,
          timeZone: 'Asia/Shanghai',
        });
        const actual = plain(value);
        if (typeof example.result === 'number' && typeof actual === 'number') {
          expect(actual).toBeCloseTo(example.result, 9);
        } else {
          expect(actual).toEqual(example.result);
        }
      });
    }
  }
});
