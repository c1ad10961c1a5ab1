import {
  emptyFieldIssues,
  type FieldValidator,
  type FormDefinition,
  fieldIssue,
  fieldSchema,
  type RecordValidator,
  recordIssue,
  toRecordSchema,
} from '@formboard/schema';
import { type CheckError, compileSchemaCheck, type SchemaCheck } from './schemaCheck.ts';

type Schema = Readonly<Record<string, unknown>>;
type Form = Pick<FormDefinition, 'data' | 'messages'>;

const recordSchemas = new WeakMap<object, Schema>();
const recordChecks = new WeakMap<object, SchemaCheck>();

/** The form's record schema, converted once per data schema. */
function recordSchemaOf(form: Form): Schema {
  let schema = recordSchemas.get(form.data);
  if (!schema) {
    schema = toRecordSchema(form);
    recordSchemas.set(form.data, schema);
  }
  return schema;
}

// The checks are ajv's (schemaCheck.ts); the issues, paths and messages are @formboard/schema's own
// ajv-free helpers (records/recordMessages.ts), the ones its ajv validators use on the server.

/**
 * The record validator of a form without ajv: the same record schema (`toRecordSchema`), verdicts,
 * pointers, keywords and messages as @formboard/schema's `compileRecordValidator`, which the server
 * runs. Compiled once per data schema, on first use.
 */
export function compileRecordCheck(form: Form): RecordValidator {
  let check = recordChecks.get(form.data);
  if (!check) {
    check = compileSchemaCheck(recordSchemaOf(form));
    recordChecks.set(form.data, check);
  }
  const run = check;
  return (record) => {
    const errors: CheckError[] = [];
    run(record, '', errors);
    return errors.map((error) => recordIssue(error, form.messages));
  };
}

/**
 * One field's validator (column path, e.g. `kpis[].weight`) without ajv, giving what
 * @formboard/schema's `compileFieldValidator` gives: an empty value is a problem only when required,
 * anything else is checked against the field's record schema with the form's messages.
 */
export function compileFieldCheck(form: Form, path: string): FieldValidator {
  const root = recordSchemaOf(form);
  const schema = fieldSchema(root, path);
  const check = schema
    ? compileSchemaCheck(root.$defs ? { ...schema, $defs: root.$defs } : schema)
    : undefined;
  return (value, required) => {
    const empty = emptyFieldIssues(value, required, path, form.messages);
    if (empty) return empty;
    if (!check) return [];
    const errors: CheckError[] = [];
    check(value, '', errors);
    return errors.map((error) => fieldIssue(error, path, form.messages));
  };
}
