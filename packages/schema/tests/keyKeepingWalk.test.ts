import { describe, expect, it } from 'vitest';
import { KeyKeepingWalk } from '../src/validate/schemaWalk.ts';

describe('KeyKeepingWalk', () => {
  it('gives the meaning checks the very key lists its walk read, and reads others when asked', () => {
    const walk = new KeyKeepingWalk();
    const nodes = JSON.parse('{"a":{"type":"field"},"b":{"type":"field"}}') as object;
    const read = walk.keysOf(nodes);
    expect(read).toEqual(['a', 'b']);
    expect(walk.keys(nodes)).toBe(read);
    const other = { x: 1 };
    expect(walk.keys(other)).toEqual(['x']);
  });
});
