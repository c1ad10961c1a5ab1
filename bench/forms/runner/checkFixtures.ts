/**
 * Checks the generated forms before anything is timed: the Formboard definition passes
 * validateDefinition, and the Formboard engine and plain ajv (on the rjsf and JSON Forms schemas) all
 * find the valid data valid and exactly `invalidCount` wrong fields in the invalid data. The runtime is
 * imported lazily: while its React renderer is being written it may not load, and then only its check
 * is skipped (with a note).
 */
import { validateDefinition } from '@formboard/schema';
import { Ajv } from 'ajv';
import { dataFor, type GeneratedForm } from '../generate.ts';

function distinctPaths(paths: readonly string[]): number {
  return new Set(paths).size;
}

function ajvErrors(schema: object, data: unknown): number {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  const validate = ajv.compile(schema);
  validate(data);
  return distinctPaths(
    (validate.errors ?? []).map((e) => `${e.instancePath}/${e.params.missingProperty ?? ''}`),
  );
}

type EngineCounts = [valid: number, invalid: number];

async function engineCounts(form: GeneratedForm): Promise<EngineCounts | string> {
  try {
    const { createFormEngine } = await import('@formboard/form-runtime');
    const count = (value: Readonly<Record<string, unknown>>) =>
      distinctPaths(
        createFormEngine(form.formboard, { value })
          .validate()
          .map((i) => i.path),
      );
    return [count(form.data.valid), count(form.data.invalid)];
  } catch (error) {
    return `formboard engine check skipped: @formboard/form-runtime does not load (${String(error).split('\n')[0]})`;
  }
}

export interface FixtureCheck {
  readonly problems: readonly string[];
  readonly notes: readonly string[];
}

/** Problems found (the fixtures disagree) and notes (a check that could not run). */
export async function checkFixtures(form: GeneratedForm): Promise<FixtureCheck> {
  const problems: string[] = [];
  const size = form.logical.size;
  const expected = form.data.invalidCount;
  const definition = validateDefinition(form.formboard);
  if (!definition.ok) {
    const first = definition.issues.slice(0, 3).map((i) => `${i.pointer} ${i.message.en}`);
    return {
      problems: [`N=${size}: the Formboard definition does not validate: ${first.join('; ')}`],
      notes: [],
    };
  }
  const notes: string[] = [];
  const engine = await engineCounts(form);
  const counts: Record<string, EngineCounts> = {
    'ajv (rjsf schema)': [
      ajvErrors(form.rjsf.schema, dataFor(form, 'rjsf', 'valid')),
      ajvErrors(form.rjsf.schema, dataFor(form, 'rjsf', 'invalid')),
    ],
    'ajv (JSON Forms schema)': [
      ajvErrors(form.jsonforms.schema, form.data.valid),
      ajvErrors(form.jsonforms.schema, form.data.invalid),
    ],
  };
  if (typeof engine === 'string') notes.push(engine);
  else counts.formboard = engine;
  for (const [who, [valid, invalid]] of Object.entries(counts)) {
    if (valid !== 0) problems.push(`N=${size}: ${who} finds ${valid} errors in the valid data`);
    if (invalid !== expected)
      problems.push(`N=${size}: ${who} finds ${invalid} wrong fields, expected ${expected}`);
  }
  return { problems, notes };
}
