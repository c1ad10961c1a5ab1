import type { FromSchema } from 'json-schema-to-ts';
import { dashboardQuerySchema, MEASURE_ID, valueFormatSchema } from './dashboardQuery.ts';
import { DEFINITION_ID } from './formDefinition.ts';
import { localizedTextSchema as text } from './localizedText.ts';

// Widgets are a union discriminated on `type`; each branch lists the display options that make
// sense for it, so a typo or an option of another chart type is a schema error at its pointer.
// Display options name measures by id; the checks make sure those ids exist in the query.

/** Widget ids: short, stable, unique in the dashboard (the designer selects and moves by id). */
export const WIDGET_ID = '^[A-Za-z0-9_-]{1,64}$';

const measureRef = { type: 'string', pattern: MEASURE_ID } as const;
const measureRefs = { type: 'array', items: measureRef, minItems: 1, uniqueItems: true } as const;
const decimals = { type: 'integer', minimum: 0, maximum: 6 } as const;
const fieldPath = { type: 'string', minLength: 1, maxLength: 200 } as const;

/** Named colours; the theme maps them to accessible shades in light and dark mode. */
export const COLORS = ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'purple', 'gray'] as const;

/** Position on the dashboard grid, in columns (x, w) and rows (y, h), from the top left. */
export const gridLayoutSchema = {
  type: 'object',
  properties: {
    x: { type: 'integer', minimum: 0, maximum: 23 },
    y: { type: 'integer', minimum: 0, maximum: 1000 },
    w: { type: 'integer', minimum: 1, maximum: 24 },
    h: { type: 'integer', minimum: 1, maximum: 100 },
  },
  required: ['x', 'y', 'w', 'h'],
  additionalProperties: false,
} as const;

/**
 * Colour bands for a value: a value takes the colour of the last band whose `from` it reaches
 * (below the first band it stays neutral), so `from` must ascend. With basis "targetRatio" the
 * value compared is value ÷ target (1 = on target). `higherIsBetter` sets which way deltas and
 * gaps count as good (green arrow up for sales, down for defect rates).
 */
export const thresholdsSchema = {
  type: 'object',
  properties: {
    /** The measure coloured; defaults to the widget's main measure. */
    measure: measureRef,
    basis: { enum: ['value', 'targetRatio'] },
    higherIsBetter: { type: 'boolean' },
    bands: {
      type: 'array',
      items: {
        type: 'object',
        properties: { from: { type: 'number' }, color: { enum: COLORS }, label: text },
        required: ['from', 'color'],
        additionalProperties: false,
      },
      minItems: 1,
      maxItems: 8,
    },
  },
  required: ['higherIsBetter', 'bands'],
  additionalProperties: false,
} as const;

/** The value to reach: a constant, or a measure of the query (e.g. the sum of targets). */
export const targetSchema = {
  oneOf: [
    {
      type: 'object',
      properties: { value: { type: 'number' }, label: text },
      required: ['value'],
      additionalProperties: false,
    },
    {
      type: 'object',
      properties: { measure: measureRef, label: text },
      required: ['measure'],
      additionalProperties: false,
    },
  ],
} as const;

const common = {
  id: { type: 'string', pattern: WIDGET_ID },
  title: text,
  description: text,
  layout: gridLayoutSchema,
} as const;

const display = <const P extends object>(properties: P) =>
  ({ type: 'object', properties, additionalProperties: false }) as const;

/** A widget branch: the common properties, the type tag and its own ones. */
const widget = <const T extends string, const P extends object, const R extends readonly string[]>(
  type: T,
  properties: P,
  required: R,
) =>
  ({
    type: 'object',
    properties: { type: { const: type }, ...common, ...properties },
    required: ['type', 'id', 'layout', ...required],
    additionalProperties: false,
  }) as const;

const query = dashboardQuerySchema;
const thresholds = thresholdsSchema;
const target = targetSchema;
const valueDisplay = { format: valueFormatSchema, unit: text, decimals } as const;

export const kpiWidgetSchema = widget(
  'kpi',
  { query, thresholds, target, display: display({ measure: measureRef, ...valueDisplay }) },
  ['query'],
);

/** Progress against target per person or team: actual, target, the gap and (optionally) confidence. */
export const gapBoardWidgetSchema = widget(
  'gapBoard',
  {
    query,
    thresholds,
    display: {
      type: 'object',
      properties: {
        /** What a row is: the query's groupBy field must be a user (person) or org-unit (team) field. */
        rows: { enum: ['person', 'team'] },
        actual: measureRef,
        target: measureRef,
        confidence: measureRef,
        showConfidence: { type: 'boolean' },
        sortBy: { enum: ['gap', 'progress', 'name'] },
        ...valueDisplay,
      },
      required: ['rows', 'actual', 'target'],
      additionalProperties: false,
    },
  },
  ['query', 'display'],
);

export const lineWidgetSchema = widget(
  'line',
  {
    query,
    target,
    display: display({
      /** Measures drawn; all measures when absent. */
      series: measureRefs,
      area: { type: 'boolean' },
      smooth: { type: 'boolean' },
      showPoints: { type: 'boolean' },
      /** Draws the widget's `target` as a horizontal line. */
      showTarget: { type: 'boolean' },
    }),
  },
  ['query'],
);

export const barWidgetSchema = widget(
  'bar',
  {
    query,
    thresholds,
    target,
    display: display({
      series: measureRefs,
      orientation: { enum: ['vertical', 'horizontal'] },
      stacked: { type: 'boolean' },
      showValues: { type: 'boolean' },
    }),
  },
  ['query'],
);

export const pieWidgetSchema = widget(
  'pie',
  {
    query,
    display: display({ measure: measureRef, donut: { type: 'boolean' }, showPercent: { type: 'boolean' } }),
  },
  ['query'],
);

export const gaugeWidgetSchema = widget(
  'gauge',
  {
    query,
    thresholds,
    target,
    display: {
      type: 'object',
      properties: { measure: measureRef, min: { type: 'number' }, max: { type: 'number' }, ...valueDisplay },
      required: ['max'],
      additionalProperties: false,
    },
  },
  ['query', 'display'],
);

export const funnelWidgetSchema = widget(
  'funnel',
  { query, display: display({ measure: measureRef, showConversion: { type: 'boolean' } }) },
  ['query'],
);

export const heatmapWidgetSchema = widget(
  'heatmap',
  {
    query,
    thresholds,
    display: display({
      measure: measureRef,
      palette: { enum: ['green', 'red', 'blue', 'redGreen'] },
      showValues: { type: 'boolean' },
    }),
  },
  ['query'],
);

/** One point per group, placed by two measures (and sized by a third). */
export const scatterWidgetSchema = widget(
  'scatter',
  {
    query,
    display: {
      type: 'object',
      properties: { x: measureRef, y: measureRef, size: measureRef, showLabels: { type: 'boolean' } },
      required: ['x', 'y'],
      additionalProperties: false,
    },
  },
  ['query', 'display'],
);

export const tableWidgetSchema = widget(
  'table',
  {
    query,
    thresholds,
    display: display({
      /** Columns in order, each a groupBy field or measure id; all of them when absent. */
      columns: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            key: { type: 'string', minLength: 1 },
            label: text,
            format: valueFormatSchema,
            decimals,
          },
          required: ['key'],
          additionalProperties: false,
        },
        minItems: 1,
      },
      pageSize: { type: 'integer', minimum: 5, maximum: 200 },
      showTotals: { type: 'boolean' },
    }),
  },
  ['query'],
);

export const leaderboardWidgetSchema = widget(
  'leaderboard',
  {
    query,
    thresholds,
    display: display({
      measure: measureRef,
      showRank: { type: 'boolean' },
      /** Highlights the viewer's own row. */
      highlightViewer: { type: 'boolean' },
      ...valueDisplay,
    }),
  },
  ['query'],
);

/** Open alerts raised by workflows (e.g. "below baseline two weeks in a row"), scoped by the
 * dashboard's person and org-unit filters; it has no query of its own. */
export const alertListWidgetSchema = widget(
  'alertList',
  {
    display: display({
      severities: {
        type: 'array',
        items: { enum: ['info', 'warning', 'critical'] },
        minItems: 1,
        uniqueItems: true,
      },
      status: { enum: ['open', 'all'] },
      maxItems: { type: 'integer', minimum: 1, maximum: 100 },
    }),
  },
  [],
);

/** OKR alignment: records of one form linked to their parent record through a record field. */
export const alignmentTreeWidgetSchema = widget(
  'alignmentTree',
  {
    tree: {
      type: 'object',
      properties: {
        source: { type: 'string', pattern: DEFINITION_ID },
        /** A "record" field of the source form pointing at the parent record in the same form. */
        parentField: fieldPath,
        titleField: fieldPath,
        ownerField: fieldPath,
        progressField: fieldPath,
        /** Formula over the source form's fields selecting the records shown. */
        filter: { type: 'string', minLength: 1, maxLength: 2000 },
      },
      required: ['source', 'parentField', 'titleField'],
      additionalProperties: false,
    },
    display: display({
      expandDepth: { type: 'integer', minimum: 1, maximum: 10 },
      showProgress: { type: 'boolean' },
      showOwner: { type: 'boolean' },
    }),
  },
  ['tree'],
);

const bands = {
  type: 'array',
  items: { type: 'number' },
  minItems: 2,
  maxItems: 2,
} as const;

/** Nine-box talent grid: one dot per group (person) by two measures, each cut in three by two
 * ascending band limits (low|mid at bands[0], mid|high at bands[1]). */
export const nineBoxWidgetSchema = widget(
  'nineBox',
  {
    query,
    display: {
      type: 'object',
      properties: {
        x: measureRef,
        y: measureRef,
        xBands: bands,
        yBands: bands,
        xLabel: text,
        yLabel: text,
        /** Box names from bottom-left, row by row (low y first). */
        boxLabels: { type: 'array', items: text, minItems: 9, maxItems: 9 },
      },
      required: ['x', 'y', 'xBands', 'yBands'],
      additionalProperties: false,
    },
  },
  ['query', 'display'],
);

/** Markdown text (rendered safely, no raw HTML); no query. */
export const textWidgetSchema = widget('text', { content: text }, ['content']);

export const dashboardWidgetSchema = {
  type: 'object',
  discriminator: { propertyName: 'type' },
  required: ['type'],
  oneOf: [
    kpiWidgetSchema,
    gapBoardWidgetSchema,
    lineWidgetSchema,
    barWidgetSchema,
    pieWidgetSchema,
    gaugeWidgetSchema,
    funnelWidgetSchema,
    heatmapWidgetSchema,
    scatterWidgetSchema,
    tableWidgetSchema,
    leaderboardWidgetSchema,
    alertListWidgetSchema,
    alignmentTreeWidgetSchema,
    nineBoxWidgetSchema,
    textWidgetSchema,
  ],
} as const;

export type DashboardWidget = FromSchema<typeof dashboardWidgetSchema>;
export type Thresholds = FromSchema<typeof thresholdsSchema>;
export type WidgetTarget = FromSchema<typeof targetSchema>;
export type GridLayout = FromSchema<typeof gridLayoutSchema>;
