import type { LocalizedMessage } from '@formboard/formula';
import {
  type FieldValidator,
  type FormDefinition,
  type LocalizedText,
  localize,
  type RecordIssue,
  type RecordValidator,
  toRecordSchema,
} from '@formboard/schema';
import { checkMessage } from './checkMessages.ts';
import { type CheckError, compileSchemaCheck, type SchemaCheck } from './schemaCheck.ts';

type Schema = Readonly<Record<string, unknown>>;
type Form = Pick<FormDefinition, 'data' | 'messages'>;
type CustomMessages = Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;

const REQUIRED: LocalizedMessage = { 'zh-CN': '此项必填', en: 'This field is required' };
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

/** The form's own message for a failed check (`messages[path][keyword]`), else the default. */
function messageOf(form: Form, path: string, keyword: string, fallback: () => LocalizedMessage) {
  const own = (form.messages as CustomMessages | undefined)?.[path]?.[keyword];
  return own ? { 'zh-CN': localize(own, 'zh-CN'), en: localize(own, 'en') } : fallback();
}

/** "/kpis/0/weight" → "kpis[].weight": the path custom messages are keyed by. */
function fieldPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, s) => (/^\d+$/.test(s) ? `${path}[]` : path ? `${path}.${s}` : s), '');
}

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
    return errors.map((error): RecordIssue => {
      const p = error.params;
      const extra =
        error.keyword === 'required'
          ? String(p.missingProperty)
          : error.keyword === 'additionalProperties'
            ? String(p.additionalProperty)
            : undefined;
      const at =
        extra === undefined
          ? error.instancePath
          : `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const path = fieldPath(at);
      return {
        pointer: at,
        path,
        keyword: error.keyword === 'additionalProperties' ? 'unknownField' : error.keyword,
        message: messageOf(form, path, error.keyword, () => checkMessage(error)),
      };
    });
  };
}

/** The record schema of the field at a column path (`kpis[].weight`), $refs resolved. */
function fieldSchema(root: Schema, path: string): Schema | undefined {
  const defs = (root.$defs ?? {}) as Readonly<Record<string, Schema>>;
  const deref = (s: Schema | undefined): Schema | undefined =>
    typeof s?.$ref === 'string' ? defs[s.$ref.slice('#/$defs/'.length)] : s;
  let current: Schema | undefined = root;
  for (const part of path.split('.')) {
    const key = part.endsWith('[]') ? part.slice(0, -2) : part;
    current = deref(((current?.properties ?? {}) as Readonly<Record<string, Schema>>)[key]);
    if (part.endsWith('[]')) current = deref(current?.items as Schema | undefined);
  }
  return current;
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
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      return required
        ? [{ keyword: 'required', message: messageOf(form, path, 'required', () => REQUIRED) }]
        : [];
    if (!check) return [];
    const errors: CheckError[] = [];
    check(value, '', errors);
    return errors.map((error) => ({
      keyword: error.keyword,
      message: messageOf(form, path, error.keyword, () => checkMessage(error)),
    }));
  };
}
