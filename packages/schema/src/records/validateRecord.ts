import type { LocalizedMessage } from '@formboard/formula';
import type { ValidateFunction } from 'ajv';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import { recordAjv } from './recordAjv.ts';
import { recordIssue } from './recordMessages.ts';
import { toRecordSchema } from './toRecordSchema.ts';

/** A problem with one value of a record, for showing next to the field. */
export interface RecordIssue {
  /** JSON pointer into the record: "/kpis/0/weight". */
  readonly pointer: string;
  /** The field in formula syntax: "kpis[].weight". */
  readonly path: string;
  /** The failed check: required, minimum, maxLength, format, enum, type, unknownField… */
  readonly keyword: string;
  readonly message: LocalizedMessage;
}

/** Validates records of one form; compiled once per form definition. */
export type RecordValidator = (record: unknown) => readonly RecordIssue[];

const cache = new WeakMap<object, ValidateFunction>();

/**
 * Compiles the validator for records of a form: the form's data schema with ajv (formats included),
 * with the form's own custom messages (`messages[path][keyword]`) in place of the defaults.
 */
export function compileRecordValidator(form: Pick<FormDefinition, 'data' | 'messages'>): RecordValidator {
  let validate = cache.get(form.data);
  if (!validate) {
    validate = recordAjv.compile(toRecordSchema(form));
    cache.set(form.data, validate);
  }
  const compiled = validate;
  return (record) =>
    compiled(record) ? [] : (compiled.errors ?? []).map((error) => recordIssue(error, form.messages));
}
