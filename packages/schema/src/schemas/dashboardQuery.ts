import type { FromSchema } from 'json-schema-to-ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { localizedTextSchema as text } from './localizedText.ts';
import { timeZoneSchema } from './timeZone.ts';

// A widget's query, compiled to SQL by the server: records of one source form → filter → group by
// fields and/or a time bucket → aggregate measures → computed measures → sort → limit. Field paths
// use formula syntax (`score`, `reviewer.name`, `kpis[].actual`); naming a table column makes the
// query run over that table's rows (all columns of one query must come from the same table).

/** Measure ids are formula identifiers, so computed measures can read them: `actual / target`. */
export const MEASURE_ID = '^[A-Za-z_][A-Za-z0-9_]{0,63}$';

/** A data path of the source form in formula syntax. */
const fieldPath = { type: 'string', minLength: 1, maxLength: 200 } as const;

const measureId = { type: 'string', pattern: MEASURE_ID } as const;

/** Number display format of a measure or widget value. */
export const valueFormatSchema = { enum: ['number', 'percent', 'currency', 'duration'] } as const;

/** An aggregate over the rows: `count` without a field counts rows; sum/avg/min/max need a number field. */
export const aggregateMeasureSchema = {
  type: 'object',
  properties: {
    id: measureId,
    op: { enum: ['count', 'sum', 'avg', 'min', 'max', 'distinct'] },
    field: fieldPath,
    label: text,
    format: valueFormatSchema,
  },
  required: ['id', 'op'],
  additionalProperties: false,
} as const;

/** A formula over the measures listed before it, evaluated per result row: `actual / target`. */
export const computedMeasureSchema = {
  type: 'object',
  properties: {
    id: measureId,
    formula: { type: 'string', minLength: 1, maxLength: 2000 },
    label: text,
    format: valueFormatSchema,
  },
  required: ['id', 'formula'],
  additionalProperties: false,
} as const;

/** Buckets a date field by calendar unit in a time zone; weeks start on Monday (ISO 8601). */
export const timeBucketSchema = {
  type: 'object',
  properties: {
    field: fieldPath,
    unit: { enum: ['day', 'week', 'month', 'quarter', 'year'] },
    /** Defaults to DEFAULT_TIME_ZONE (Asia/Shanghai). */
    timeZone: timeZoneSchema,
  },
  required: ['field', 'unit'],
  additionalProperties: false,
} as const;

export const dashboardQuerySchema = {
  type: 'object',
  properties: {
    /** Id of the form whose records are queried. */
    source: { type: 'string', pattern: DEFINITION_ID },
    /** Formula over the source form's fields, per record; only records where it is TRUE count. */
    filter: { type: 'string', minLength: 1, maxLength: 2000 },
    groupBy: { type: 'array', items: fieldPath, maxItems: 3, uniqueItems: true },
    timeBucket: timeBucketSchema,
    measures: {
      type: 'array',
      items: { oneOf: [aggregateMeasureSchema, computedMeasureSchema] },
      minItems: 1,
      maxItems: 20,
    },
    /** Sort keys in order; `by` is a measure id, a groupBy field or the time bucket's field. */
    sort: {
      type: 'array',
      items: {
        type: 'object',
        properties: { by: { type: 'string', minLength: 1 }, direction: { enum: ['asc', 'desc'] } },
        required: ['by', 'direction'],
        additionalProperties: false,
      },
      maxItems: 4,
    },
    limit: { type: 'integer', minimum: 1, maximum: 1000 },
    /** Also compute every measure for the previous period (the previous bucket, or the same-length
     * range before the dashboard's date range), for deltas and arrows. */
    compareWithPrevious: { type: 'boolean' },
    /** Dashboard filters that do not apply to this widget. */
    ignoreFilters: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
  },
  required: ['source', 'measures'],
  additionalProperties: false,
} as const;

export type DashboardQuery = FromSchema<typeof dashboardQuerySchema>;
export type AggregateMeasure = FromSchema<typeof aggregateMeasureSchema>;
export type ComputedMeasure = FromSchema<typeof computedMeasureSchema>;
