import { describe, expect, it } from 'vitest';
import {
  getFunction as getImplementation,
  listFunctions as listImplementations,
} from '../src/functions/registry.ts';
import { getFunction, listFunctions } from '../src/index.ts';

// Evaluating formulas needs the implementations only (functions/registry.ts); the documented catalog
// (functions/catalog.ts, the package's getFunction / listFunctions) adds each one's docs/ entry.
describe('function catalog', () => {
  it('documents every implemented function, in the same order, and nothing else', () => {
    expect(listFunctions().map((f) => f.name)).toEqual(listImplementations().map((f) => f.name));
  });

  it('gives the implementation with its documentation', () => {
    const round = getFunction('round');
    expect(round?.syntax).toBe('ROUND(number, [digits])');
    expect(round?.description['zh-CN']).toContain('四舍五入');
    expect(round?.examples.length).toBeGreaterThan(0);
    expect(round && 'call' in round ? round.call : undefined).toBe(
      (getImplementation('ROUND') as { call: unknown } | undefined)?.call,
    );
  });

  it('keeps documentation out of what evaluation uses', () => {
    for (const impl of listImplementations()) {
      expect(Object.keys(impl)).not.toContain('description');
      expect(Object.keys(impl)).not.toContain('examples');
    }
  });
});
