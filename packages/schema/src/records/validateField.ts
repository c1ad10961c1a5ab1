import type { LocalizedMessage } from '@formboard/formula';
import type { ValidateFunction } from 'ajv';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import { type LocalizedText, localize } from '../schemas/localizedText.ts';
import { messageFor, recordAjv } from './recordMessages.ts';
import { toRecordSchema } from './toRecordSchema.ts';

type Schema = Readonly<Record<string, unknown>>;

/** A problem with one field's value. */
export interface FieldIssue {
  readonly keyword: string;
  readonly message: LocalizedMessage;
}

/** Validates one field's value; `required` says whether an empty value is a problem. */
export type FieldValidator = (value: unknown, required: boolean) => readonly FieldIssue[];

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
 * Compiles the validator of one field (column path, e.g. `kpis[].weight`) with the same schema and
 * messages as the whole-record validator, so checking a field as it is typed and checking the record
 * on submit agree. Compile lazily: a form of 2,000 fields compiles only the fields people touch.
 */
export function compileFieldValidator(
  form: Pick<FormDefinition, 'data' | 'messages'>,
  path: string,
): FieldValidator {
  const root = toRecordSchema(form);
  const schema = fieldSchema(root, path);
  let validate: ValidateFunction | undefined;
  const custom =
    ((form.messages ?? {}) as Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>)[path] ?? {};
  const localized = (keyword: string, fallback: LocalizedMessage): LocalizedMessage => {
    const own = custom[keyword];
    return own ? { 'zh-CN': localize(own, 'zh-CN'), en: localize(own, 'en') } : fallback;
  };
  return (value, required) => {
    if (
      value === undefined ||
      value === null ||
      value === '' ||
      (Array.isArray(value) && value.length === 0)
    ) {
      return required
        ? [
            {
              keyword: 'required',
              message: localized('required', { 'zh-CN': '此项必填', en: 'This field is required' }),
            },
          ]
        : [];
    }
    if (!schema) return [];
    validate ??= recordAjv.compile(root.$defs ? { ...schema, $defs: root.$defs } : schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((error) => ({
      keyword: error.keyword,
      message: localized(error.keyword, messageFor(error)),
    }));
  };
}
