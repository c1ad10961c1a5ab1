import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFINITION_KINDS } from '../src/kinds/registry.ts';
import { migrate } from '../src/migrations/migrate.ts';
import { validatorsFor } from '../src/validate/ajv.ts';
import { depthProblem } from '../src/validate/depthProblem.ts';
import { type Json, mutatedDocument } from './support/mutations.ts';

const FIXTURES = new URL('../fixtures/valid/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, document: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Json }));

// isValid answers "valid?" with each container subschema compiled apart (compileMemoized, nothing
// remembered); explain() is plain ajv over the whole schema. They must agree on every document.
describe('the "valid?" validator and the explaining one', () => {
  for (const { file, document: original } of fixtures) {
    it(`agree on random mutations of ${file}`, () => {
      let invalid = 0;
      fc.assert(
        fc.property(mutatedDocument(original), ({ document }) => {
          const kindName = (document as { kind?: unknown } | null)?.kind;
          const kind = typeof kindName === 'string' ? DEFINITION_KINDS.get(kindName) : undefined;
          // Documents validateDefinition stops before the JSON Schema step are not compared.
          if (!kind || depthProblem(document)) return;
          const migrated = migrate(document);
          if (!migrated.ok) return;
          const { isValid, explain } = validatorsFor(kind.schema);
          const valid = isValid(migrated.value);
          expect(valid).toBe(explain()(migrated.value));
          if (!valid) invalid++;
        }),
        { numRuns: 300 },
      );
      expect(invalid).toBeGreaterThan(100);
    }, 60_000);
  }
});
