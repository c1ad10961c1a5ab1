import type { LocalizedMessage } from '@formboard/formula';
import type { FieldIndex } from '../fields/fieldIndex.ts';
import type { DashboardWidget, Thresholds } from '../schemas/dashboardWidgets.ts';
import type { Report } from '../validate/issues.ts';
import { checkDashboardQuery, type FilterBindings, type QueryKeys } from './checkDashboardQuery.ts';
import type { SourceLookup } from './checkDashboardSources.ts';
import { checkAlignmentTree } from './checkDashboardTree.ts';

type QueryWidget = Extract<DashboardWidget, { query: unknown }>;
type QueryWidgetType = QueryWidget['type'];

/** How many dimensions (groupBy fields plus the time bucket) each chart can draw, and whether it
 * needs, forbids or accepts a time bucket. */
const SHAPES: Readonly<
  Record<QueryWidgetType, { min: number; max: number; time: 'required' | 'forbidden' | 'optional' }>
> = {
  kpi: { min: 0, max: 0, time: 'forbidden' },
  gauge: { min: 0, max: 0, time: 'forbidden' },
  gapBoard: { min: 1, max: 1, time: 'forbidden' },
  line: { min: 1, max: 2, time: 'required' },
  bar: { min: 1, max: 2, time: 'optional' },
  pie: { min: 1, max: 1, time: 'forbidden' },
  funnel: { min: 1, max: 1, time: 'forbidden' },
  heatmap: { min: 2, max: 2, time: 'optional' },
  scatter: { min: 1, max: 1, time: 'forbidden' },
  table: { min: 0, max: 4, time: 'optional' },
  leaderboard: { min: 1, max: 1, time: 'forbidden' },
  nineBox: { min: 1, max: 1, time: 'forbidden' },
};

const NAMES: Readonly<Record<QueryWidgetType, LocalizedMessage>> = {
  kpi: { 'zh-CN': '指标卡', en: 'a KPI card' },
  gauge: { 'zh-CN': '仪表盘', en: 'a gauge' },
  gapBoard: { 'zh-CN': '差距看板', en: 'a gap board' },
  line: { 'zh-CN': '折线图', en: 'a line chart' },
  bar: { 'zh-CN': '柱状图', en: 'a bar chart' },
  pie: { 'zh-CN': '饼图', en: 'a pie chart' },
  funnel: { 'zh-CN': '漏斗图', en: 'a funnel' },
  heatmap: { 'zh-CN': '热力图', en: 'a heatmap' },
  scatter: { 'zh-CN': '散点图', en: 'a scatter chart' },
  table: { 'zh-CN': '表格', en: 'a table' },
  leaderboard: { 'zh-CN': '排行榜', en: 'a leaderboard' },
  nineBox: { 'zh-CN': '九宫格', en: 'a nine-box grid' },
};

// Display keys that name a measure of the query, across all widget types (no type uses these
// names for anything else): kpi/pie/gauge/… `measure`, gapBoard `actual`/`target`/`confidence`,
// scatter and nineBox `x`/`y`/`size`.
const MEASURE_KEYS = ['measure', 'actual', 'target', 'confidence', 'x', 'y', 'size'] as const;

/** Checks one widget: its query, the shape the chart needs, measure references and options. */
export function checkDashboardWidget(
  widget: DashboardWidget,
  at: string,
  lookup: SourceLookup,
  filters: FilterBindings,
  report: Report,
): void {
  if (widget.type === 'alignmentTree') {
    checkAlignmentTree(widget.tree, `${at}/tree`, lookup, report);
    return;
  }
  if (!('query' in widget)) return;
  const index = lookup(widget.query.source, `${at}/query/source`);
  const keys = checkDashboardQuery(widget.query, `${at}/query`, index, filters, report);
  checkShape(widget, at, report);
  checkMeasureRefs(widget, at, keys, report);
  if ('thresholds' in widget && widget.thresholds) checkThresholds(widget, widget.thresholds, at, report);
  checkOptions(widget, at, keys, index, report);
}

function checkShape(widget: QueryWidget, at: string, report: Report): void {
  const shape = SHAPES[widget.type];
  const name = NAMES[widget.type];
  const bucket = widget.query.timeBucket;
  if (shape.time === 'forbidden' && bucket) {
    report(`${at}/query/timeBucket`, 'dashboard.queryShape', {
      'zh-CN': `${name['zh-CN']}不支持时间粒度`,
      en: `${name.en} cannot use a time bucket`,
    });
    return;
  }
  if (shape.time === 'required' && !bucket) {
    report(`${at}/query`, 'dashboard.queryShape', {
      'zh-CN': `${name['zh-CN']}需要时间粒度（timeBucket）`,
      en: `${name.en} needs a time bucket (timeBucket)`,
    });
    return;
  }
  const count = (widget.query.groupBy?.length ?? 0) + (bucket ? 1 : 0);
  if (count >= shape.min && count <= shape.max) return;
  const range = shape.min === shape.max ? `${shape.min}` : `${shape.min}–${shape.max}`;
  report(
    `${at}/query`,
    'dashboard.queryShape',
    {
      'zh-CN': `${name['zh-CN']}需要 ${range} 个分组维度（分组字段与时间粒度合计），当前为 ${count}`,
      en: `${name.en} needs ${range} dimension(s) (groupBy fields plus time bucket), not ${count}`,
    },
    count,
  );
}

function unknownMeasure(id: string, at: string, report: Report): void {
  report(
    at,
    'dashboard.unknownMeasure',
    { 'zh-CN': `查询中没有指标 ${id}`, en: `the query has no measure ${id}` },
    id,
  );
}

function checkMeasureRefs(widget: QueryWidget, at: string, keys: QueryKeys, report: Report): void {
  const display = ('display' in widget ? (widget.display ?? {}) : {}) as Readonly<Record<string, unknown>>;
  for (const key of MEASURE_KEYS) {
    const id = display[key];
    if (typeof id === 'string' && !keys.measures.has(id)) unknownMeasure(id, `${at}/display/${key}`, report);
  }
  const series = Array.isArray(display.series) ? (display.series as readonly string[]) : [];
  series.forEach((id, i) => {
    if (!keys.measures.has(id)) unknownMeasure(id, `${at}/display/series/${i}`, report);
  });
  if ('target' in widget && widget.target && 'measure' in widget.target) {
    const id = widget.target.measure;
    if (!keys.measures.has(id)) unknownMeasure(id, `${at}/target/measure`, report);
  }
  if ('thresholds' in widget && widget.thresholds?.measure !== undefined) {
    const id = widget.thresholds.measure;
    if (!keys.measures.has(id)) unknownMeasure(id, `${at}/thresholds/measure`, report);
  }
}

function checkThresholds(widget: QueryWidget, thresholds: Thresholds, at: string, report: Report): void {
  thresholds.bands.forEach((band, i) => {
    const previous = thresholds.bands[i - 1];
    if (!previous || band.from > previous.from) return;
    report(
      `${at}/thresholds/bands/${i}/from`,
      'dashboard.thresholdOrder',
      {
        'zh-CN': `阈值区间应按 from 从小到大排列：${band.from} 不大于前一项 ${previous.from}`,
        en: `threshold bands must ascend by from: ${band.from} is not above the previous ${previous.from}`,
      },
      band.from,
    );
  });
  const hasTarget = widget.type === 'gapBoard' || ('target' in widget && widget.target !== undefined);
  if (thresholds.basis === 'targetRatio' && !hasTarget) targetMissing(`${at}/thresholds/basis`, report);
}

function targetMissing(at: string, report: Report): void {
  report(at, 'dashboard.targetMissing', {
    'zh-CN': '此选项需要组件设置目标（target）',
    en: 'this option needs the widget to have a target',
  });
}

function checkOptions(
  widget: QueryWidget,
  at: string,
  keys: QueryKeys,
  index: FieldIndex | undefined,
  report: Report,
): void {
  switch (widget.type) {
    case 'line':
      if (widget.display?.showTarget && !widget.target) targetMissing(`${at}/display/showTarget`, report);
      return;
    case 'gauge': {
      const min = widget.display.min ?? 0;
      if (min < widget.display.max) return;
      report(
        `${at}/display/max`,
        'dashboard.gaugeRange',
        {
          'zh-CN': `仪表盘最大值 ${widget.display.max} 应大于最小值 ${min}`,
          en: `the gauge maximum ${widget.display.max} must be above its minimum ${min}`,
        },
        widget.display.max,
      );
      return;
    }
    case 'nineBox':
      for (const axis of ['xBands', 'yBands'] as const) {
        const [low = 0, high = 0] = widget.display[axis];
        if (low >= high) {
          report(
            `${at}/display/${axis}`,
            'dashboard.bandOrder',
            {
              'zh-CN': `九宫格分界值应从小到大：${low} 不小于 ${high}`,
              en: `nine-box band limits must ascend: ${low} is not below ${high}`,
            },
            widget.display[axis],
          );
        }
      }
      return;
    case 'table':
      (widget.display?.columns ?? []).forEach((column, i) => {
        if (keys.measures.has(column.key) || keys.dimensions.has(column.key)) return;
        report(
          `${at}/display/columns/${i}/key`,
          'dashboard.unknownColumn',
          {
            'zh-CN': `列 ${column.key} 不是此查询的指标或分组字段`,
            en: `column ${column.key} is neither a measure nor a groupBy field of this query`,
          },
          column.key,
        );
      });
      return;
    case 'gapBoard':
      checkGapBoard(widget, at, index, report);
      return;
    default:
      return;
  }
}

function checkGapBoard(
  widget: Extract<DashboardWidget, { type: 'gapBoard' }>,
  at: string,
  index: FieldIndex | undefined,
  report: Report,
): void {
  const { display } = widget;
  if (display.showConfidence && display.confidence === undefined) {
    report(`${at}/display/showConfidence`, 'dashboard.confidenceMissing', {
      'zh-CN': '显示信心指数需要指定信心指标（confidence）',
      en: 'showing confidence needs a confidence measure (confidence)',
    });
  }
  const path = widget.query.groupBy?.[0];
  if (!index || path === undefined) return;
  // An unknown field was already reported by the query check.
  const field = index.fields.get(path);
  const format = display.rows === 'person' ? 'user' : 'org-unit';
  if (!field || field.format === format) return;
  report(
    `${at}/query/groupBy/0`,
    'dashboard.gapBoardRows',
    display.rows === 'person'
      ? {
          'zh-CN': `按人员显示时，分组字段应为人员字段，${path} 不是`,
          en: `rows per person need a user field to group by; ${path} is not one`,
        }
      : {
          'zh-CN': `按团队显示时，分组字段应为组织单元字段，${path} 不是`,
          en: `rows per team need an org-unit field to group by; ${path} is not one`,
        },
    path,
  );
}
