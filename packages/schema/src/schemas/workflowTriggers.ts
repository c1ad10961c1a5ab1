import type { FromSchema } from 'json-schema-to-ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { timeZoneSchema } from './timeZone.ts';

// What starts a workflow run. Three triggers, a discriminated union on `type`:
// - record: a record of a form is created, updated or deleted (and an optional condition holds);
// - schedule: a cron expression in a time zone;
// - metricStreak: a measure evaluated per group (usually per person) per closed period stays on the
//   wrong side of a baseline for N periods in a row — the "below baseline two weeks in a row,
//   tell the direct supervisor" rule. It fires once per streak: when the Nth consecutive bad period
//   closes; a longer streak does not fire again until a good period (or a period without data)
//   ends it.

/** A formula as text, checked by @formboard/formula against the fields the workflow can read. */
export const workflowFormulaSchema = { type: 'string', minLength: 1, maxLength: 20000 } as const;

/** A data path in formula syntax: `score`, `owner.name`, `kpis[].actual`. */
export const workflowFieldPathSchema = { type: 'string', minLength: 1, maxLength: 500 } as const;

const formId = { type: 'string', pattern: DEFINITION_ID } as const;

export const recordTriggerSchema = {
  type: 'object',
  properties: {
    type: { const: 'record' },
    /** The form whose records start runs; the steps read that record's fields. */
    form: formId,
    events: {
      type: 'array',
      items: { enum: ['created', 'updated', 'deleted'] },
      minItems: 1,
      uniqueItems: true,
    },
    /**
     * Runs start only when this gives TRUE. It reads the record's fields, `$old.<field>` for the
     * values before an update (blank on create) and `$event` ("created" | "updated" | "deleted").
     */
    condition: workflowFormulaSchema,
  },
  required: ['type', 'form', 'events'],
  additionalProperties: false,
} as const;

export const scheduleTriggerSchema = {
  type: 'object',
  properties: {
    type: { const: 'schedule' },
    /** Five cron fields: minute hour day-of-month month day-of-week ("0 9 * * 1" = Mondays 09:00). */
    cron: { type: 'string', minLength: 1, maxLength: 200 },
    timeZone: timeZoneSchema,
  },
  required: ['type', 'cron'],
  additionalProperties: false,
} as const;

/** How a metric aggregates the rows of a group in a period; count needs no field. */
export const streakMeasureSchema = {
  type: 'object',
  properties: {
    op: { enum: ['count', 'sum', 'avg', 'min', 'max'] },
    /** The field aggregated; sum, avg, min and max need a number field. */
    field: workflowFieldPathSchema,
  },
  required: ['op'],
  additionalProperties: false,
} as const;

export const metricStreakTriggerSchema = {
  type: 'object',
  properties: {
    type: { const: 'metricStreak' },
    /** The metric: one value per group per period, computed from a form's records. */
    query: {
      type: 'object',
      properties: {
        form: formId,
        measure: streakMeasureSchema,
        /** The field that splits records into groups, usually the person field ("employee"). */
        groupBy: workflowFieldPathSchema,
        /** Only records for which this gives TRUE count (e.g. `status <> "draft"`). */
        filter: workflowFormulaSchema,
        /** The date field that puts a record in a period; default: when the record was created. */
        dateField: workflowFieldPathSchema,
        /** Weeks are ISO weeks (Monday to Sunday); a period is judged once it has closed. */
        period: { enum: ['week', 'month'] },
        timeZone: timeZoneSchema,
      },
      required: ['form', 'measure', 'groupBy', 'period'],
      additionalProperties: false,
    },
    /**
     * What the metric is compared with: a number, a number field or a number formula of the source
     * form — the latter two are evaluated per record and aggregated like the measure (averaged when
     * the measure counts), so a per-person target stored on each record works.
     */
    baseline: {
      oneOf: [
        { type: 'number' },
        {
          type: 'object',
          properties: { field: workflowFieldPathSchema },
          required: ['field'],
          additionalProperties: false,
        },
        {
          type: 'object',
          properties: { formula: workflowFormulaSchema },
          required: ['formula'],
          additionalProperties: false,
        },
      ],
    },
    /** higherIsBetter: a period is bad when the value is below the baseline; lowerIsBetter: above. */
    direction: { enum: ['higherIsBetter', 'lowerIsBetter'] },
    /** How many consecutive bad periods make a streak (2 = "two weeks in a row"). */
    periods: { type: 'integer', minimum: 1, maximum: 52 },
  },
  required: ['type', 'query', 'baseline', 'direction', 'periods'],
  additionalProperties: false,
} as const;

export const workflowTriggerSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [recordTriggerSchema, scheduleTriggerSchema, metricStreakTriggerSchema],
} as const;

/** What starts a workflow run. */
export type WorkflowTrigger = FromSchema<typeof workflowTriggerSchema>;
/** A trigger on record events. */
export type RecordTrigger = FromSchema<typeof recordTriggerSchema>;
/** A cron schedule trigger. */
export type ScheduleTrigger = FromSchema<typeof scheduleTriggerSchema>;
/** A "N bad periods in a row" metric trigger. */
export type MetricStreakTrigger = FromSchema<typeof metricStreakTriggerSchema>;
