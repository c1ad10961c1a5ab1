import type { FromSchema } from 'json-schema-to-ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { localizedTextSchema as text } from './localizedText.ts';
import { STEP_ID, workflowStepSchema } from './workflowSteps.ts';
import { workflowTriggerSchema } from './workflowTriggers.ts';

/** Current schemaVersion of workflow definitions. */
export const WORKFLOW_SCHEMA_VERSION = 1;

// A workflow: a trigger starts a run, the run walks the steps from `start`. Steps are a list (the
// designer's order) linked by id. What the steps can read depends on the trigger:
// - record: the record's fields (and `$event`; `$old.<field>` in the trigger condition);
// - metricStreak: the group field (e.g. `employee`) and `$streak.value`, `$streak.baseline`,
//   `$streak.values`, `$streak.periods`, `$streak.periodStart`, `$streak.periodEnd`;
// - schedule: no record, only `$run.id` and `$run.startedAt` (which every run has).

export const workflowDefinitionSchema = {
  type: 'object',
  properties: {
    kind: { const: 'workflow' },
    id: { type: 'string', pattern: DEFINITION_ID },
    schemaVersion: { const: WORKFLOW_SCHEMA_VERSION },
    title: text,
    description: text,
    /**
     * The form of the record a run is about. Optional: it defaults to the record trigger's form or
     * the metric streak's source form, and must equal it when given; schedule runs have no record.
     */
    form: { type: 'string', pattern: DEFINITION_ID },
    trigger: workflowTriggerSchema,
    steps: { type: 'array', items: workflowStepSchema, minItems: 1, maxItems: 500 },
    /** The id of the first step. */
    start: { type: 'string', pattern: STEP_ID },
    /** At most this many runs of the workflow at once; further triggers wait their turn. */
    concurrency: {
      type: 'object',
      properties: { maxRuns: { type: 'integer', minimum: 1, maximum: 1000 } },
      required: ['maxRuns'],
      additionalProperties: false,
    },
  },
  required: ['kind', 'id', 'schemaVersion', 'title', 'trigger', 'steps', 'start'],
  additionalProperties: false,
} as const;

/** A workflow definition: trigger, steps, first step. */
export type WorkflowDefinition = FromSchema<typeof workflowDefinitionSchema>;
