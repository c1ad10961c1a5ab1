import type { FromSchema } from 'json-schema-to-ts';
import { localizedTextSchema as text } from './localizedText.ts';

// The JSON Schema subset a form's `data` may use. It is written out level by level — root object,
// groups, repeating tables, scalar fields — instead of recursively, so FromSchema can derive the
// types (json-schema-to-ts does not support recursive schemas) and forms stay at a depth people
// can fill in on a phone: root → group or table → field.

const KEY = '^[\\p{L}_][\\p{L}\\p{N}_]*$';

const annotations = { title: text, description: text } as const;

/** A reference to a reusable definition under the root's `$defs`. */
export const refFieldSchema = {
  type: 'object',
  properties: { $ref: { type: 'string', pattern: '^#/\\$defs/[\\p{L}_][\\p{L}\\p{N}_-]*$' }, ...annotations },
  required: ['$ref'],
  additionalProperties: false,
} as const;

const choice = <const V extends { readonly type: string }>(value: V) =>
  ({
    type: 'object',
    properties: { const: value, title: text },
    required: ['const'],
    additionalProperties: false,
  }) as const;

export const stringFieldSchema = {
  type: 'object',
  properties: {
    type: { const: 'string' },
    ...annotations,
    default: { type: 'string' },
    minLength: { type: 'integer', minimum: 0 },
    maxLength: { type: 'integer', minimum: 0 },
    pattern: { type: 'string' },
    format: { enum: ['date', 'date-time', 'email', 'uri', 'user', 'org-unit', 'record'] },
    enum: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
    oneOf: { type: 'array', items: choice({ type: 'string' }), minItems: 1 },
    /** For format "record": the id of the form whose records this field points to. */
    'x-form': { type: 'string' },
  },
  required: ['type'],
  additionalProperties: false,
} as const;

export const numberFieldSchema = {
  type: 'object',
  properties: {
    type: { enum: ['number', 'integer'] },
    ...annotations,
    default: { type: 'number' },
    minimum: { type: 'number' },
    maximum: { type: 'number' },
    exclusiveMinimum: { type: 'number' },
    exclusiveMaximum: { type: 'number' },
    multipleOf: { type: 'number', exclusiveMinimum: 0 },
    enum: { type: 'array', items: { type: 'number' }, minItems: 1, uniqueItems: true },
    oneOf: { type: 'array', items: choice({ type: 'number' }), minItems: 1 },
    /** Unit shown next to the value: "%", "万元", "件". */
    'x-unit': text,
  },
  required: ['type'],
  additionalProperties: false,
} as const;

export const booleanFieldSchema = {
  type: 'object',
  properties: { type: { const: 'boolean' }, ...annotations, default: { type: 'boolean' } },
  required: ['type'],
  additionalProperties: false,
} as const;

/** Several choices out of a list: an array of unique strings. */
export const multiSelectFieldSchema = {
  type: 'object',
  properties: {
    type: { const: 'array' },
    ...annotations,
    items: {
      type: 'object',
      properties: {
        type: { const: 'string' },
        enum: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
        oneOf: { type: 'array', items: choice({ type: 'string' }), minItems: 1 },
      },
      required: ['type'],
      additionalProperties: false,
    },
    uniqueItems: { const: true },
    minItems: { type: 'integer', minimum: 0 },
    maxItems: { type: 'integer', minimum: 0 },
    default: { type: 'array', items: { type: 'string' } },
  },
  required: ['type', 'items'],
  additionalProperties: false,
} as const;

const scalarFields = [
  refFieldSchema,
  stringFieldSchema,
  numberFieldSchema,
  booleanFieldSchema,
  multiSelectFieldSchema,
] as const;

/** A field inside a table row or a group: a scalar field or a $ref. */
export const scalarFieldSchema = { oneOf: scalarFields } as const;

/** An object whose properties are scalar fields: a table row, or a reusable row under $defs. */
export const rowSchema = {
  type: 'object',
  properties: {
    type: { const: 'object' },
    ...annotations,
    properties: { type: 'object', propertyNames: { pattern: KEY }, additionalProperties: scalarFieldSchema },
    required: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  required: ['type', 'properties'],
  additionalProperties: false,
} as const;

/** A repeating table: an array of rows (inline, or a $ref to a row under $defs). */
export const tableFieldSchema = {
  type: 'object',
  properties: {
    type: { const: 'array' },
    ...annotations,
    items: { oneOf: [rowSchema, refFieldSchema] },
    minItems: { type: 'integer', minimum: 0 },
    maxItems: { type: 'integer', minimum: 0 },
  },
  required: ['type', 'items'],
  additionalProperties: false,
} as const;

/** A group of fields stored as one object (`owner.name`): scalars and tables. */
export const groupFieldSchema = {
  type: 'object',
  properties: {
    type: { const: 'object' },
    ...annotations,
    properties: {
      type: 'object',
      propertyNames: { pattern: KEY },
      additionalProperties: { oneOf: [...scalarFields, tableFieldSchema] },
    },
    required: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
  required: ['type', 'properties'],
  additionalProperties: false,
} as const;

/** The data schema of a form: a JSON Schema (2020-12 subset) for one record. */
export const dataSchemaSchema = {
  type: 'object',
  properties: {
    type: { const: 'object' },
    ...annotations,
    properties: {
      type: 'object',
      propertyNames: { pattern: KEY },
      additionalProperties: { oneOf: [...scalarFields, tableFieldSchema, groupFieldSchema] },
    },
    required: { type: 'array', items: { type: 'string' }, uniqueItems: true },
    $defs: {
      type: 'object',
      propertyNames: { pattern: '^[\\p{L}_][\\p{L}\\p{N}_-]*$' },
      additionalProperties: {
        oneOf: [stringFieldSchema, numberFieldSchema, booleanFieldSchema, multiSelectFieldSchema, rowSchema],
      },
    },
  },
  required: ['type', 'properties'],
  additionalProperties: false,
} as const;

export type DataSchema = FromSchema<typeof dataSchemaSchema>;
export type ScalarFieldSchema = FromSchema<typeof scalarFieldSchema>;
export type TableFieldSchema = FromSchema<typeof tableFieldSchema>;
export type GroupFieldSchema = FromSchema<typeof groupFieldSchema>;
export type RowSchema = FromSchema<typeof rowSchema>;
