import type { LocalizedMessage } from '@formboard/formula';
import type { ValidateFunction } from 'ajv';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import { localize } from '../schemas/localizedText.ts';
import { messageFor, recordAjv } from './recordMessages.ts';
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

/** "/kpis/0/weight" → "kpis[].weight" (the path formulas, rules and custom messages use). */
function fieldPath(pointerText: string): string {
  return pointerText
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[]` : path ? `${path}.${segment}` : segment),
      '',
    );
}

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
  const custom = (form.messages ?? {}) as Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;
  return (record) => {
    if (compiled(record)) return [];
    return (compiled.errors ?? []).map((error) => {
      const params = error.params as Record<string, unknown>;
      const extra =
        error.keyword === 'required'
          ? String(params.missingProperty)
          : error.keyword === 'additionalProperties'
            ? String(params.additionalProperty)
            : undefined;
      const at =
        extra === undefined
          ? error.instancePath
          : `${error.instancePath}/${extra.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const path = fieldPath(at);
      const own = custom[path]?.[error.keyword];
      const keyword = error.keyword === 'additionalProperties' ? 'unknownField' : error.keyword;
      return {
        pointer: at,
        path,
        keyword,
        message: own ? { 'zh-CN': localize(own, 'zh-CN'), en: localize(own, 'en') } : messageFor(error),
      };
    });
  };
}
