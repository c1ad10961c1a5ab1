import type { FromSchema } from 'json-schema-to-ts';
import { dataSchemaSchema } from './dataSchema.ts';
import { formAccessSchema } from './formAccess.ts';
import { layoutSchema } from './layout.ts';
import { localizedTextSchema as text } from './localizedText.ts';

/** Current schemaVersion of form definitions. */
export const FORM_SCHEMA_VERSION = 1;

export const DEFINITION_ID = '^[a-z][a-z0-9_-]{0,63}$';

/** A formula as text, checked by @formboard/formula against the form's fields. */
const formula = { type: 'string', minLength: 1, maxLength: 20000 } as const;

/** A data path in formula syntax: `score`, `owner.name`, `keyResults[].progress`. */
const dataPath = { type: 'string', minLength: 1 } as const;

/** How a roll-up combines the values of the records that point at a record (see `rollups`). */
export const ROLLUP_MEASURES = ['count', 'sum', 'avg', 'min', 'max', 'weightedAvg'] as const;

/** The most fields one uniqueness constraint (`unique`) may combine. */
export const UNIQUE_MAX_FIELDS = 8;

const messageKeys = [
  'required',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'enum',
  'minItems',
  'maxItems',
] as const;

export const formDefinitionSchema = {
  type: 'object',
  properties: {
    kind: { const: 'form' },
    id: { type: 'string', pattern: DEFINITION_ID },
    schemaVersion: { const: FORM_SCHEMA_VERSION },
    title: text,
    description: text,
    data: dataSchemaSchema,
    layout: layoutSchema,
    /**
     * Visibility, required and read-only rules, each a formula giving TRUE or FALSE; and `initial`,
     * the value a new record starts with (a formula read once, e.g. `$user.id` for "me").
     */
    rules: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          target: dataPath,
          visible: formula,
          required: formula,
          readOnly: formula,
          initial: formula,
        },
        required: ['target'],
        minProperties: 2,
        additionalProperties: false,
      },
    },
    /** Fields whose value is computed by a formula (a table column formula yields one value per row). */
    computed: {
      type: 'array',
      items: {
        type: 'object',
        properties: { target: dataPath, formula },
        required: ['target', 'formula'],
        additionalProperties: false,
      },
    },
    /**
     * Fields whose value the server rolls up from the records of another form (or this one) that
     * point here through a record-reference field: the count of those records, or the sum, average,
     * minimum, maximum or weighted average of one of their fields — kept up to date on every write of
     * such a record, as a revision of this one.
     */
    rollups: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          /** The field of this form that holds the result. */
          target: dataPath,
          /** The form whose records are rolled up (this form's own id for a tree of records). */
          from: { type: 'string', pattern: DEFINITION_ID },
          /** The record-reference field of `from` that points at records of this form. */
          via: dataPath,
          measure: { enum: ROLLUP_MEASURES },
          /** The field of `from` combined; optional for `count`, which then counts only records with a value in it. */
          field: dataPath,
          /** For `weightedAvg`: the number field of `from` each value is weighted by. */
          weight: dataPath,
          /**
           * Only the records of `from` for which this formula over their own fields is TRUE count
           * (`status = "atRisk"`); without it, every record pointing here counts.
           */
          where: formula,
        },
        required: ['target', 'from', 'via', 'measure'],
        additionalProperties: false,
      },
    },
    /**
     * Rules across records: no two live records of this form share the values of all the `fields` of
     * one constraint (records with a blank in one of them are not compared). Kept by the database with
     * a unique index, so concurrent writers cannot break them.
     */
    unique: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
          /** The fields whose values together must differ from every other record's (outside tables). */
          fields: {
            type: 'array',
            items: dataPath,
            minItems: 1,
            maxItems: UNIQUE_MAX_FIELDS,
            uniqueItems: true,
          },
          /** What a writer whose record breaks the rule is told, before the record it collides with. */
          message: text,
        },
        required: ['id', 'fields'],
        additionalProperties: false,
      },
    },
    /** Cross-field checks: the formula must be TRUE, else the message shows on the listed fields. */
    validations: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
          formula,
          message: text,
          paths: { type: 'array', items: dataPath, uniqueItems: true },
        },
        required: ['id', 'formula', 'message'],
        additionalProperties: false,
      },
    },
    /** Custom messages per field path and failed check. */
    messages: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: Object.fromEntries(messageKeys.map((k) => [k, text])) as Record<
          (typeof messageKeys)[number],
          typeof text
        >,
        additionalProperties: false,
        minProperties: 1,
      },
    },
    /** Record scopes and hidden fields per role, enforced by the server. */
    access: formAccessSchema,
  },
  required: ['kind', 'id', 'schemaVersion', 'title', 'data', 'layout'],
  additionalProperties: false,
} as const;

export type FormDefinition = FromSchema<typeof formDefinitionSchema>;
