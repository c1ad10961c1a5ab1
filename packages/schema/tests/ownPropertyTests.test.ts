import { describe, expect, it } from 'vitest';
import { ownPropertyTests } from '../scripts/validators/ownPropertyTests.ts';

// A fragment shaped like ajv's standalone code: a schema constant and a key tested against its properties.
const code = [
  'const func1 = Object.prototype.hasOwnProperty;',
  'const schema7 = {"x-memo-switch":[{"type":"string"},{"properties":{"type":{},"title":{},"x-unit":{}}}]};',
  'for(const key3 in data){',
  'if(!(func1.call(schema7["x-memo-switch"][1].properties, key3))){',
  'return false;',
  '}',
  '}',
].join('\n');

describe('ownPropertyTests', () => {
  it("writes ajv's hasOwnProperty test of a key as comparisons with the schema's property names", () => {
    const rewritten = ownPropertyTests(code);
    expect(rewritten).toContain('if(!(((key3 === "type") || (key3 === "title") || (key3 === "x-unit")))){');
    expect(rewritten).not.toContain('func1');
  });

  it('keeps the helper while something still calls it', () => {
    const more = `${code}\nconst own = func1.call(data, "x");`;
    expect(ownPropertyTests(more)).toContain('const func1 = Object.prototype.hasOwnProperty;');
  });

  it('throws when a test names properties it cannot find', () => {
    expect(() => ownPropertyTests(code.replace('[1].properties', '[5].properties'))).toThrow(
      /cannot resolve/,
    );
  });
});
