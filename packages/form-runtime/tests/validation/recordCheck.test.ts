import {
  compileFieldValidator,
  compileRecordValidator,
  type FormDefinition,
  indexFields,
} from '@formboard/schema';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFieldCheck, compileRecordCheck } from '../../src/validation/recordCheck.ts';
import { compileSchemaCheck } from '../../src/validation/schemaCheck.ts';
import { scorecardDefinition } from '../support.ts';
import { dataSchema, valueFor } from './arbitraries.ts';

type Form = Pick<FormDefinition, 'data' | 'messages'>;
type Schema = Record<string, unknown>;

// The runtime checks records without ajv (src/validation): it must say exactly what the server's ajv
// says — the same problems, at the same pointers, with the same keywords and messages, in the same
// order — for any data schema of the subset and any value.
const formAndValues = dataSchema.chain((form) => {
  const defs = (form.data.$defs ?? {}) as Record<string, Schema>;
  return fc.tuple(fc.constant(form), fc.array(valueFor(form.data, defs), { minLength: 1, maxLength: 6 }));
});

describe('the record check agrees with ajv', () => {
  it('on whole records', () => {
    fc.assert(
      fc.property(formAndValues, ([form, values]) => {
        const ajv = compileRecordValidator(form as unknown as Form);
        const own = compileRecordCheck(form as unknown as Form);
        for (const value of values) expect(own(value)).toEqual(ajv(value));
      }),
      { numRuns: 300 },
    );
  });

  it('on single fields, required or not', () => {
    const fieldAndValues = dataSchema.chain((form) => {
      const index = indexFields(form.data as unknown as FormDefinition['data']);
      const paths = [...index.fields.keys()];
      const defs = (form.data.$defs ?? {}) as Record<string, Schema>;
      return fc.constantFrom(...paths).chain((path) => {
        const schema = index.fields.get(path)?.schema ?? {};
        return fc.tuple(
          fc.constant(form),
          fc.constant(path),
          fc.array(fc.tuple(valueFor(schema, defs), fc.boolean()), { minLength: 1, maxLength: 6 }),
        );
      });
    });
    fc.assert(
      fc.property(fieldAndValues, ([form, path, values]) => {
        const ajv = compileFieldValidator(form as unknown as Form, path);
        const own = compileFieldCheck(form as unknown as Form, path);
        for (const [value, required] of values) expect(own(value, required)).toEqual(ajv(value, required));
      }),
      { numRuns: 300 },
    );
  });

  it('on the scorecard form and its messages', () => {
    const form = scorecardDefinition() as unknown as Form;
    const record = {
      employee: '',
      period: '2026-02-30',
      kpis: [{ name: 'x', weight: 'heavy', extra: 1 }],
      other: 1,
    };
    const own = compileRecordCheck(form)(record);
    expect(own).toEqual(compileRecordValidator(form)(record));
    expect(own.map((i) => i.keyword)).toEqual(expect.arrayContaining(['format', 'unknownField', 'type']));
  });
});

describe('the record check refuses schemas outside the subset', () => {
  it.each([
    [{ type: 'string', minimum: 1 }, 'minimum'],
    [{ type: 'string', oneOf: [{ const: 'a' }] }, 'oneOf'],
    [{ type: 'string', format: 'ipv4' }, 'ipv4'],
    [{ type: 'array', items: { type: 'object', properties: {} }, uniqueItems: true }, 'lists of strings'],
    [{ type: 'null' }, 'null'],
    [{ $ref: '#/$defs/missing' }, 'missing'],
  ])('%j', (schema, problem) => {
    expect(() => compileSchemaCheck(schema)).toThrow(problem);
  });
});
