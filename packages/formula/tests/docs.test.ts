import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withFunctionReference } from '../scripts/functionReference.ts';
import { listFunctions } from '../src/index.ts';

const docsPath = new URL('../../../docs/formula.md', import.meta.url);

describe('docs/formula.md', () => {
  const document = readFileSync(docsPath, 'utf8');

  it('has the current function reference (run `pnpm --filter @formboard/formula docs` to refresh it)', () => {
    expect(document).toBe(withFunctionReference(document));
  });

  it('documents every function', () => {
    for (const spec of listFunctions()) expect(document).toContain(`### ${spec.name}\n`);
    expect(listFunctions().length).toBeGreaterThanOrEqual(60);
  });
});
