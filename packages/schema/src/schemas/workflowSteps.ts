import type { FromSchema } from 'json-schema-to-ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { localizedTextSchema as text } from './localizedText.ts';
import {
  workflowFieldPathSchema as fieldPath,
  workflowFormulaSchema as formula,
} from './workflowTriggers.ts';

// The steps of a workflow, a discriminated union on `type`. Steps form a graph by id: each names the
// step that follows (`next`, a condition's branches, an approval's onApprove/onReject); a step with
// nowhere to go ends the run. Each step does at most one side effect (one approval task, one message
// on one channel, one write, one request) so the engine can persist the step's state before acting
// and never repeat it after a restart — to notify by inbox and DingTalk, chain two notify steps.
// Loops are allowed (resubmit after a rejection) but must pass through an approval or a wait.

/** Step ids: letters, digits, `_` and `-`, starting with a letter. */
export const STEP_ID = '^[A-Za-z][A-Za-z0-9_-]{0,63}$';

const stepId = { type: 'string', pattern: STEP_ID } as const;

/** An ISO 8601 duration ("P1D", "PT24H", "P1W"); checked to be well-formed and above zero. */
const duration = { type: 'string', minLength: 2, maxLength: 40 } as const;

/** The id of an admin-configured connection (robot webhook, HTTP API); definitions never hold URLs or secrets. */
const connectorId = { type: 'string', pattern: DEFINITION_ID } as const;

const common = { id: stepId, title: text } as const;

export const userRuleSchema = {
  type: 'object',
  properties: { type: { const: 'user' }, id: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['type', 'id'],
  additionalProperties: false,
} as const;

export const roleRuleSchema = {
  type: 'object',
  properties: { type: { const: 'role' }, role: { type: 'string', pattern: '^[a-z][a-zA-Z0-9_-]{0,63}$' } },
  required: ['type', 'role'],
  additionalProperties: false,
} as const;

/** The users held by a user field of the record (e.g. the employee the scorecard is about). */
export const fieldRuleSchema = {
  type: 'object',
  properties: { type: { const: 'field' }, path: fieldPath },
  required: ['type', 'path'],
  additionalProperties: false,
} as const;

/** The user who created the record. */
export const submitterRuleSchema = {
  type: 'object',
  properties: { type: { const: 'submitter' } },
  required: ['type'],
  additionalProperties: false,
} as const;

/**
 * A supervisor from the org chart: of the submitter or of the user in a user field; `levels` up
 * (1, the default, is the direct supervisor; 2 the supervisor's supervisor…). When the chain is
 * shorter, the topmost supervisor is used.
 */
export const supervisorRuleSchema = {
  type: 'object',
  properties: {
    type: { const: 'supervisor' },
    /** "submitter", or the path of a user field of the record. */
    of: { type: 'string', minLength: 1, maxLength: 500 },
    levels: { type: 'integer', minimum: 1, maximum: 5 },
  },
  required: ['type', 'of'],
  additionalProperties: false,
} as const;

/** Who an approval or a message goes to. */
export const assigneeRuleSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [userRuleSchema, roleRuleSchema, fieldRuleSchema, submitterRuleSchema, supervisorRuleSchema],
} as const;

const assignees = { type: 'array', items: assigneeRuleSchema, minItems: 1, maxItems: 50 } as const;

/** A field of a record and the formula that gives its new value. */
const assignment = {
  type: 'object',
  properties: { field: fieldPath, formula },
  required: ['field', 'formula'],
  additionalProperties: false,
} as const;

export const conditionStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'condition' },
    ...common,
    /** Tried in order; the first whose `when` gives TRUE decides the next step. */
    branches: {
      type: 'array',
      items: {
        type: 'object',
        properties: { when: formula, next: stepId },
        required: ['when', 'next'],
        additionalProperties: false,
      },
      minItems: 1,
    },
    /** Where to go when no branch matches; absent ends the run. */
    otherwise: stepId,
  },
  required: ['type', 'id', 'branches'],
  additionalProperties: false,
} as const;

export const approvalStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'approval' },
    ...common,
    assignees,
    /** all: every assignee must approve; any: the first decision counts. A rejection always rejects. */
    mode: { enum: ['all', 'any'] },
    /** How long the assignees have (shown as the due time of the task). */
    due: duration,
    /** After this long without a decision, the task is also given to `to`. */
    escalation: {
      type: 'object',
      properties: { after: duration, to: assigneeRuleSchema },
      required: ['after', 'to'],
      additionalProperties: false,
    },
    onApprove: stepId,
    onReject: stepId,
  },
  required: ['type', 'id', 'assignees', 'mode'],
  additionalProperties: false,
} as const;

export const notifyStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'notify' },
    ...common,
    /**
     * inbox: Formboard's own inbox, to the users of `to`. dingtalk / wecom / feishu: a group robot;
     * webhook: a signed JSON POST. Those four need `connector`; robots may @-mention `to`.
     */
    channel: { enum: ['inbox', 'dingtalk', 'wecom', 'feishu', 'webhook'] },
    connector: connectorId,
    to: assignees,
    /** Message subject (inbox, robot markdown title). */
    subject: text,
    /** Message text; `{{field}}` and `{{$variable}}` placeholders are filled from the run. */
    message: text,
    next: stepId,
  },
  required: ['type', 'id', 'channel', 'message'],
  additionalProperties: false,
} as const;

export const updateRecordStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'updateRecord' },
    ...common,
    /**
     * Update another record instead of the run's own: a record-reference field of the run's record
     * (`"keyResult"` of a check-in). The formulas then read the run's record, and the referenced
     * record's current values as `$target.<field>`.
     */
    record: fieldPath,
    /** Fields of the updated record and their new values, computed from the records before the update. */
    set: { type: 'array', items: assignment, minItems: 1 },
    next: stepId,
  },
  required: ['type', 'id', 'set'],
  additionalProperties: false,
} as const;

export const createRecordStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'createRecord' },
    ...common,
    form: { type: 'string', pattern: DEFINITION_ID },
    /** Fields of the new record; the formulas read the run's record and variables. */
    values: { type: 'array', items: assignment, minItems: 1 },
    next: stepId,
  },
  required: ['type', 'id', 'form', 'values'],
  additionalProperties: false,
} as const;

export const httpStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'http' },
    ...common,
    /** An admin-allowed connection: base URL, credentials and signing live there. */
    connector: connectorId,
    method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] },
    /** Path (and query) under the connector's base URL; `{{placeholders}}` are filled URL-encoded. */
    path: { type: 'string', pattern: '^/[^\\s]*$', maxLength: 2000 },
    /**
     * Request body template: JSON whose strings may hold `{{placeholders}}` (filled as text) and where a
     * placeholder may stand alone as a value (`"score": {{score}}`); always sent as valid, escaped JSON.
     */
    body: { type: 'string', maxLength: 100000 },
    next: stepId,
  },
  required: ['type', 'id', 'connector', 'method', 'path'],
  additionalProperties: false,
} as const;

export const waitStepSchema = {
  type: 'object',
  properties: {
    type: { const: 'wait' },
    ...common,
    /** Wait this long (ISO 8601)… */
    duration,
    /** …or until the date this formula gives. Exactly one of the two. */
    until: formula,
    next: stepId,
  },
  required: ['type', 'id'],
  additionalProperties: false,
} as const;

export const endStepSchema = {
  type: 'object',
  properties: { type: { const: 'end' }, ...common },
  required: ['type', 'id'],
  additionalProperties: false,
} as const;

export const workflowStepSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [
    conditionStepSchema,
    approvalStepSchema,
    notifyStepSchema,
    updateRecordStepSchema,
    createRecordStepSchema,
    httpStepSchema,
    waitStepSchema,
    endStepSchema,
  ],
} as const;

/** One step of a workflow. */
export type WorkflowStep = FromSchema<typeof workflowStepSchema>;
/** Who an approval or message goes to. */
export type AssigneeRule = FromSchema<typeof assigneeRuleSchema>;
