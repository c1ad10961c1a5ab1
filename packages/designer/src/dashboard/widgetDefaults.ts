import type { AggregateMeasure, DashboardQuery } from '@formboard/schema';
import type { Box, Dashboard, Widget, WidgetType } from './dashboardTypes.ts';
import { type IndexedSource, isDate, isGroupable, type SourceField } from './sourceForms.ts';
import { widgetTypeName } from './widgetPalette.ts';

// A new widget is complete from the start: every option its type requires is there, and once it has a
// source form its query is valid — counting records by the dimension its chart needs, taken from the
// form's fields (people for rankings, a choice field for shares, a date for trends). The person then
// changes what they want; nothing needs typing before the preview shows data.

/** The fields of a source form that defaults are made of. */
interface Picks {
  readonly date?: SourceField;
  readonly person?: SourceField;
  readonly unit?: SourceField;
  /** A choice field (options), else any groupable text. */
  readonly category?: SourceField;
  readonly groupable: readonly SourceField[];
  readonly numbers: readonly SourceField[];
  readonly record?: SourceField;
  readonly text?: SourceField;
}

function picksOf(source: IndexedSource | undefined): Picks {
  const top = (source?.fields ?? []).filter((f) => !f.inTable);
  const groupable = top.filter((f) => isGroupable(f) && !isDate(f) && f.format !== 'record');
  const first = (ok: (f: SourceField) => boolean) => top.find(ok);
  const picks: Record<string, SourceField | readonly SourceField[] | undefined> = {
    date: first(isDate),
    person: first((f) => f.format === 'user'),
    unit: first((f) => f.format === 'org-unit'),
    category: groupable.find((f) => f.options !== undefined) ?? groupable.find((f) => f.kind === 'string'),
    groupable,
    numbers: top.filter((f) => f.kind === 'number'),
    record:
      first((f) => f.format === 'record' && f.schema?.['x-form'] === source?.id) ??
      first((f) => f.format === 'record'),
    text: groupable.find((f) => f.kind === 'string' && f.format === undefined),
  };
  return picks as unknown as Picks;
}

const COUNT: AggregateMeasure = { id: 'count', op: 'count', label: { 'zh-CN': '记录数', en: 'Records' } };

/** An aggregate of a number field with the field's title as its label, else a count under that id. */
function numberMeasure(id: string, field: SourceField | undefined, op: 'sum' | 'avg'): AggregateMeasure {
  if (!field) return { ...COUNT, id };
  return { id, op, field: field.path, ...(field.title === undefined ? {} : { label: field.title }) };
}

/** Two thirds of a number field's range (from its schema's minimum and maximum), else 1 and 2. */
function thirds(field: SourceField | undefined): [number, number] {
  const min = field?.schema?.minimum;
  const max = field?.schema?.maximum;
  if (typeof min !== 'number' || typeof max !== 'number' || max <= min) return [1, 2];
  const step = (max - min) / 3;
  return [min + step, min + 2 * step];
}

/** A query of `source` with `measures`, grouped by `groupBy` fields (absent ones left out). */
function query(
  source: string,
  measures: readonly AggregateMeasure[],
  groupBy: readonly (SourceField | undefined)[] = [],
  bucket?: { field: SourceField | undefined; unit: 'week' | 'month' },
): DashboardQuery {
  const paths = [...new Set(groupBy.flatMap((f) => (f ? [f.path] : [])))];
  return {
    source,
    measures: [...measures],
    ...(paths.length > 0 ? { groupBy: paths } : {}),
    ...(bucket?.field ? { timeBucket: { field: bucket.field.path, unit: bucket.unit } } : {}),
  };
}

/** The type-specific part of a new widget: its query (or tree, or content) and display options. */
function body(
  type: WidgetType,
  sourceId: string,
  source: IndexedSource | undefined,
): Record<string, unknown> {
  const p = picksOf(source);
  const personish = p.person ?? p.unit ?? p.category;
  const group = p.category ?? p.person ?? p.unit ?? p.groupable[0];
  const [n1, n2 = n1] = p.numbers;
  switch (type) {
    case 'kpi':
      return { query: query(sourceId, [COUNT]), display: { measure: COUNT.id } };
    case 'gauge':
      return { query: query(sourceId, [COUNT]), display: { measure: COUNT.id, max: 100 } };
    case 'gapBoard': {
      const rows = p.person === undefined && p.unit !== undefined ? 'team' : 'person';
      const actual = numberMeasure('actual', n1, 'sum');
      const target = numberMeasure('target', n2, 'sum');
      return {
        query: query(sourceId, [actual, target], [p.person ?? p.unit]),
        display: { rows, actual: 'actual', target: 'target' },
      };
    }
    case 'line':
      return { query: query(sourceId, [COUNT], [], { field: p.date, unit: 'month' }) };
    case 'bar':
      return group
        ? { query: query(sourceId, [COUNT], [group]), display: { orientation: 'vertical' } }
        : { query: query(sourceId, [COUNT], [], { field: p.date, unit: 'month' }) };
    case 'pie':
    case 'funnel':
      return { query: query(sourceId, [COUNT], [group]), display: { measure: COUNT.id } };
    case 'leaderboard':
      return { query: query(sourceId, [COUNT], [personish]), display: { measure: COUNT.id, showRank: true } };
    case 'heatmap': {
      const second = p.groupable.find((f) => f !== personish);
      return p.date
        ? { query: query(sourceId, [COUNT], [personish], { field: p.date, unit: 'week' }) }
        : { query: query(sourceId, [COUNT], [personish, second]) };
    }
    case 'scatter':
      return {
        query: query(sourceId, [numberMeasure('x', n1, 'avg'), numberMeasure('y', n2, 'avg')], [personish]),
        display: { x: 'x', y: 'y' },
      };
    case 'nineBox':
      return {
        query: query(sourceId, [numberMeasure('x', n1, 'avg'), numberMeasure('y', n2, 'avg')], [personish]),
        display: { x: 'x', y: 'y', xBands: thirds(n1), yBands: thirds(n2) },
      };
    case 'table':
      return { query: query(sourceId, [COUNT], [group]) };
    case 'alertList':
      return { display: { status: 'open', maxItems: 10 } };
    case 'alignmentTree':
      return {
        tree: {
          source: sourceId,
          parentField: p.record?.path ?? '',
          titleField: (p.text ?? p.groupable[0])?.path ?? '',
          ...(p.person ? { ownerField: p.person.path } : {}),
          ...(n1 ? { progressField: n1.path } : {}),
        },
        display: { expandDepth: 2, showProgress: n1 !== undefined, showOwner: p.person !== undefined },
      };
    case 'text':
      return {
        content: {
          'zh-CN': '## 标题\n\n在这里写说明文字。',
          en: '## Heading\n\nWrite your note here.',
        },
      };
  }
}

/** Whether a widget type reads a source form (through a query or a tree). */
export function readsSource(type: WidgetType): boolean {
  return type !== 'alertList' && type !== 'text';
}

/**
 * A new widget of `type` with `id` at `layout`, reading `sourceId` (`''` until one is chosen, which
 * is reported as a problem) with defaults from the form's fields when `source` describes it.
 */
export function newWidget(
  type: WidgetType,
  id: string,
  layout: Box,
  sourceId = '',
  source?: IndexedSource,
): Widget {
  return { type, id, title: { ...widgetTypeName(type) }, layout, ...body(type, sourceId, source) } as Widget;
}

/** The source form a widget reads, if any: its query's or its tree's. */
export function sourceOf(widget: Widget): string | undefined {
  if ('query' in widget) return widget.query.source;
  if (widget.type === 'alignmentTree') return widget.tree.source;
  return undefined;
}

/**
 * The source form a new widget starts with: the selected widget's, else the last one a widget reads,
 * else the first form offered; undefined when there is none.
 */
export function suggestedSource(
  dashboard: Dashboard,
  selection: readonly string[],
  forms: readonly { readonly id: string }[],
): string | undefined {
  const read = (id: string) => {
    const widget = dashboard.widgets.find((w) => w.id === id);
    return widget ? sourceOf(widget) || undefined : undefined;
  };
  const selected = [...selection]
    .reverse()
    .map(read)
    .find((s) => s !== undefined);
  const last = dashboard.widgets.map((w) => sourceOf(w) || undefined).findLast((s) => s !== undefined);
  return selected ?? last ?? forms[0]?.id;
}
