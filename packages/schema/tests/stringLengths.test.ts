import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringLengths } from '../scripts/validators/stringLengths.ts';
import { ucs2length } from '../src/validate/ajvRuntime.ts';

const code = [
  'const func4 = require("ajv/dist/runtime/ucs2length").default;',
  'if(func4(data1) < 1){',
  'if(func4(data2) > 200){',
  'if(func4(data3) < 3){',
].join('\n');

describe('stringLengths', () => {
  it("decides ajv's code-point comparisons on .length first", () => {
    expect(stringLengths(code).split('\n').slice(1)).toEqual([
      'if(data1.length < 1){',
      'if((data2.length > 200 && func4(data2) > 200)){',
      'if((data3.length < 6 && func4(data3) < 3)){',
    ]);
  });

  it('leaves code without the helper as it is', () => {
    expect(stringLengths('if(x.length < 1){')).toBe('if(x.length < 1){');
  });

  // The reasoning the rewrite rests on: a string has between .length / 2 and .length code points.
  it('gives the answers of the code-point count for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.integer({ min: 1, max: 14 }), (s, n) => {
        const points = ucs2length(s);
        expect(s.length < 1).toBe(points < 1);
        expect(s.length > n && points > n).toBe(points > n);
        expect(s.length < 2 * n && points < n).toBe(points < n);
      }),
    );
  });
});
