import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiMatcherSource, asciiPatterns } from '../scripts/validators/asciiPatterns.ts';
import { validateDefinition } from '../src/index.ts';

// The loops written for simple patterns must answer exactly as the regular expressions do, on ASCII
// names and on everything else (which they hand back to the regular expression).
const PATTERNS = [
  '^[A-Za-z0-9_-]{1,64}$',
  '^[\\p{L}_][\\p{L}\\p{N}_]*$',
  '^[\\p{L}_][\\p{L}\\p{N}_-]*$',
  '^[a-z][a-z0-9_-]{0,63}$',
  '^[a-z]+$',
  '^[0-9]{4}$',
];

/** The generated matchers, loaded as a module (as the generated validators are). */
async function matchers(): Promise<((s: string) => boolean)[]> {
  const body = PATTERNS.map((pattern, i) => {
    const source = (asciiMatcherSource(pattern) ?? '').replace('function matches(', `function m${i}(`);
    return `const regex${i} = new RegExp(${JSON.stringify(pattern)}, 'u');\n${source.replaceAll('regex.', `regex${i}.`)}`;
  });
  const file = join(mkdtempSync(join(tmpdir(), 'formboard-patterns-')), 'matchers.mjs');
  writeFileSync(
    file,
    `${body.join('\n')}\nexport default [${PATTERNS.map((_, i) => `m${i}`).join(', ')}];\n`,
  );
  return ((await import(pathToFileURL(file).href)) as { default: ((s: string) => boolean)[] }).default;
}

const names = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'aZz09_-.é中 x'.split('')), maxLength: 70 }),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

describe('asciiPatterns', () => {
  it('writes a loop only for classes in a row, the last one repeating', () => {
    for (const pattern of PATTERNS) expect(asciiMatcherSource(pattern)).toBeDefined();
    for (const pattern of ['^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', '^#/\\$defs/[a-z]+$', '^[a-z]*[0-9]$', 'a'])
      expect(asciiMatcherSource(pattern)).toBeUndefined();
  });

  it("rewrites ajv's calls, and the loop hands other characters back to the pattern's own test", () => {
    const code =
      'const pattern3 = new RegExp("^[\\\\p{L}_][\\\\p{L}\\\\p{N}_]*$", "u");\nif(!pattern3.test(key0)){';
    const rewritten = asciiPatterns(code);
    expect(rewritten).toContain('if(!pattern3Matches(key0)){');
    expect(rewritten).toContain('if (c > 127) return pattern3.test(s);');
    expect(rewritten).not.toMatch(/return pattern3Matches\(/);
  });

  it('validates forms whose field names and node ids are not ASCII', () => {
    const form = {
      kind: 'form',
      id: 'unicode',
      schemaVersion: 1,
      title: '目标',
      data: { type: 'object', properties: { 目标值: { type: 'number', title: '目标值' } } },
      layout: { root: ['n1'], nodes: { n1: { type: 'field', path: '目标值' } } },
    };
    expect(validateDefinition(form).ok).toBe(true);
  });

  it('answers as the regular expression does, for any string', async () => {
    const loops = await matchers();
    const regexes = PATTERNS.map((pattern) => new RegExp(pattern, 'u'));
    fc.assert(
      fc.property(names, (name) => {
        for (const [i, loop] of loops.entries())
          expect(loop(name), `${PATTERNS[i]} on ${JSON.stringify(name)}`).toBe(regexes[i]?.test(name));
      }),
      { numRuns: 3000 },
    );
    expect(loops[0]?.('a'.repeat(64))).toBe(true);
    expect(loops[0]?.('a'.repeat(65))).toBe(false);
    expect(loops[1]?.('目标_1')).toBe(true);
  });
});
