import type { FromSchema } from 'json-schema-to-ts';
import { dashboardWidgetSchema } from './dashboardWidgets.ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { localizedTextSchema as text } from './localizedText.ts';
import { timeZoneSchema } from './timeZone.ts';

/** Current schemaVersion of dashboard definitions. */
export const DASHBOARD_SCHEMA_VERSION = 1;

const FILTER_ID = '^[A-Za-z_][A-Za-z0-9_-]{0,63}$';

// A dashboard filter is set by the viewer and narrows every widget's records. Which field it
// narrows is declared per source form (`fields: { "kpi-scorecard": "period" }`), because each form
// names its date, person and org-unit fields differently; a widget whose source form is not listed
// is not filtered, and a widget can opt out with `query.ignoreFilters`.

/** Source form id → data path of the field the filter narrows in that form. */
const boundFields = {
  type: 'object',
  propertyNames: { pattern: DEFINITION_ID },
  additionalProperties: { type: 'string', minLength: 1, maxLength: 200 },
  minProperties: 1,
} as const;

const filterCommon = {
  id: { type: 'string', pattern: FILTER_ID },
  label: text,
  fields: boundFields,
} as const;

/** Relative date ranges, resolved in the filter's time zone when the dashboard is viewed. */
export const DATE_RANGE_PRESETS = [
  'today',
  'thisWeek',
  'lastWeek',
  'thisMonth',
  'lastMonth',
  'thisQuarter',
  'lastQuarter',
  'thisYear',
  'lastYear',
  'last7Days',
  'last30Days',
  'last90Days',
  'last12Months',
] as const;

const isoDate = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/** Narrows a date or date-time field to a range; the default is a preset or fixed dates (inclusive). */
export const dateRangeFilterSchema = {
  type: 'object',
  properties: {
    type: { const: 'dateRange' },
    ...filterCommon,
    default: {
      oneOf: [
        { enum: DATE_RANGE_PRESETS },
        {
          type: 'object',
          properties: { from: isoDate, to: isoDate },
          required: ['from', 'to'],
          additionalProperties: false,
        },
      ],
    },
    /** Defaults to Asia/Shanghai. */
    timeZone: timeZoneSchema,
  },
  required: ['type', 'id', 'fields'],
  additionalProperties: false,
} as const;

/** Narrows an "org-unit" field; "mine" starts at the viewer's own unit. */
export const orgUnitFilterSchema = {
  type: 'object',
  properties: {
    type: { const: 'orgUnit' },
    ...filterCommon,
    default: { enum: ['all', 'mine'] },
    /** Whether choosing a unit includes its sub-units (default true). */
    includeSubUnits: { type: 'boolean' },
    multiple: { type: 'boolean' },
  },
  required: ['type', 'id', 'fields'],
  additionalProperties: false,
} as const;

/** Narrows a "user" field; "me" is the viewer, "myReports" the viewer's direct and indirect reports. */
export const personFilterSchema = {
  type: 'object',
  properties: {
    type: { const: 'person' },
    ...filterCommon,
    default: { enum: ['all', 'me', 'myReports'] },
    multiple: { type: 'boolean' },
  },
  required: ['type', 'id', 'fields'],
  additionalProperties: false,
} as const;

export const dashboardFilterSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [dateRangeFilterSchema, orgUnitFilterSchema, personFilterSchema],
} as const;

/** Who may view the dashboard besides its owner and admins: named users, org units, roles. */
export const sharingSchema = {
  type: 'object',
  properties: {
    users: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    orgUnits: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
    /** Whether sharing with a unit includes its sub-units (default true). */
    includeSubUnits: { type: 'boolean' },
    roles: {
      type: 'array',
      items: { enum: ['admin', 'designer', 'manager', 'member'] },
      uniqueItems: true,
    },
  },
  additionalProperties: false,
} as const;

export const dashboardDefinitionSchema = {
  type: 'object',
  properties: {
    kind: { const: 'dashboard' },
    id: { type: 'string', pattern: DEFINITION_ID },
    schemaVersion: { const: DASHBOARD_SCHEMA_VERSION },
    title: text,
    description: text,
    /** Columns of the grid (widgets' x + w must fit) and the height of one row in pixels. */
    grid: {
      type: 'object',
      properties: {
        columns: { enum: [12, 24] },
        rowHeight: { type: 'integer', minimum: 16, maximum: 400 },
      },
      required: ['columns'],
      additionalProperties: false,
    },
    widgets: { type: 'array', items: dashboardWidgetSchema, maxItems: 100 },
    filters: { type: 'array', items: dashboardFilterSchema, maxItems: 10 },
    sharing: sharingSchema,
    /** Re-run the queries this often while the dashboard is open (new records also push a refresh). */
    refreshSeconds: { type: 'integer', minimum: 10, maximum: 86400 },
  },
  required: ['kind', 'id', 'schemaVersion', 'title', 'grid', 'widgets'],
  additionalProperties: false,
} as const;

export type DashboardDefinition = FromSchema<typeof dashboardDefinitionSchema>;
export type DashboardFilter = FromSchema<typeof dashboardFilterSchema>;
