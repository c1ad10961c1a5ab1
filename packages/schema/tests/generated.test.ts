import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATE_COMMAND, GENERATED_DIR, validatorSources } from '../scripts/validators/validatorSources.ts';

const dir = new URL(`../${GENERATED_DIR}/`, import.meta.url);

// The validators are generated ahead of time and committed (scripts/generateValidators.ts): a schema
// edited without regenerating them would be validated by the old schema's code.
describe('the generated validators in src/generated', () => {
  it('are exactly what the current schemas generate', () => {
    const expected = validatorSources();
    expect(readdirSync(dir).sort(), `the generated files differ: run ${GENERATE_COMMAND}`).toEqual(
      [...expected.keys()].sort(),
    );
    const stale = [...expected]
      .filter(([name, text]) => readFileSync(new URL(name, dir), 'utf8') !== text)
      .map(([name]) => name);
    expect(stale, `stale generated validators: run ${GENERATE_COMMAND}`).toEqual([]);
  }, 120_000);
});
