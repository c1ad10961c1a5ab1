import { readdirSync, readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatchUnions } from '../scripts/validators/dispatchUnions.ts';
import { EXPLAINING_OPTIONS } from '../scripts/validators/validatorSources.ts';
import { DEFINITION_KINDS } from '../src/kinds/registry.ts';
import { migrate } from '../src/migrations/migrate.ts';
import { issuesFromAjv } from '../src/validate/ajvIssues.ts';
import { depthProblem } from '../src/validate/depthProblem.ts';
import { ONE_SHOT } from '../src/validate/schemaWalk.ts';
import { validatorsFor } from '../src/validate/validators.ts';
import { type Json, mutatedDocument } from './support/mutations.ts';

const FIXTURES = new URL('../fixtures/valid/', import.meta.url);
const fixtures = readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => ({ file, document: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Json }));

// walk answers "valid?" with each container subschema compiled apart (compileMemoized; with ONE_SHOT,
// nothing remembered); explain is plain ajv over the whole schema. They must agree on every document.
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
          const { walk, explain } = validatorsFor(kind.schema);
          const valid = walk.call(ONE_SHOT, migrated.value, 0);
          expect(valid).toBe(explain(migrated.value));
          if (!valid) invalid++;
        }),
        { numRuns: 300 },
      );
      expect(invalid).toBeGreaterThan(100);
    }, 60_000);
  }
});

// The generated explaining validator calls each container subschema's function where ajv would have
// inlined its code (compileExplaining.ts). Its errors — what users read, through issuesFromAjv — must
// be exactly those of ajv compiling the whole schema at run time, as it did before validators were
// generated: same errors, same order, same paths, same data.
describe('the generated explaining validator', () => {
  const whole = new Ajv2020(EXPLAINING_OPTIONS);
  const plain = new Map(
    [...DEFINITION_KINDS.values()].map((kind) => [
      kind,
      whole.compile(dispatchUnions(kind.schema) as object),
    ]),
  );
  // `schema` and `parentSchema` are equal copies but for the subschemas compiled apart.
  const comparable = (errors: readonly ErrorObject[] | null | undefined) =>
    (errors ?? []).map(({ schema: _schema, parentSchema: _parent, ...rest }) => rest);

  for (const { file, document: original } of fixtures) {
    it(`gives ajv's own errors on random mutations of ${file}`, () => {
      let invalid = 0;
      fc.assert(
        fc.property(mutatedDocument(original), ({ document }) => {
          const kindName = (document as { kind?: unknown } | null)?.kind;
          const kind = typeof kindName === 'string' ? DEFINITION_KINDS.get(kindName) : undefined;
          if (!kind || depthProblem(document)) return;
          const migrated = migrate(document);
          if (!migrated.ok) return;
          const { explain } = validatorsFor(kind.schema);
          const reference = plain.get(kind) as NonNullable<ReturnType<typeof plain.get>>;
          expect(explain(migrated.value)).toBe(reference(migrated.value));
          expect(comparable(explain.errors)).toEqual(comparable(reference.errors));
          expect(issuesFromAjv(explain.errors)).toEqual(issuesFromAjv(reference.errors));
          if (explain.errors) invalid++;
        }),
        { numRuns: 300 },
      );
      expect(invalid).toBeGreaterThan(100);
    }, 120_000);
  }
});
