import { BOARD_ID, FORM_ID } from './boardData.ts';

// The benchmark's board: 20 widgets of every charted kind over the 1M-record check-in form, laid out
// on a 24-column grid as a shop-floor board would be. The date filter defaults to the last 90 days.

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const source = FORM_ID;
const avgScore = { id: 'avgScore', op: 'avg', field: 'score', label: text('平均得分', 'Average score') };
const count = { id: 'checkIns', op: 'count', label: text('签到数', 'Check-ins') };
const bands = {
  higherIsBetter: true,
  bands: [
    { from: 0, color: 'red' },
    { from: 55, color: 'yellow' },
    { from: 62, color: 'green' },
  ],
};

/** A widget at (x, y) of size w × h. */
const at = (x: number, y: number, w: number, h: number) => ({ layout: { x, y, w, h } });

/** The 20 widgets. */
export function boardWidgets(): Record<string, unknown>[] {
  return [
    {
      id: 'checkIns',
      type: 'kpi',
      title: text('签到数', 'Check-ins'),
      ...at(0, 0, 4, 4),
      query: { source, measures: [count], compareWithPrevious: true },
    },
    {
      id: 'score',
      type: 'kpi',
      title: text('平均得分', 'Average score'),
      ...at(4, 0, 4, 4),
      query: { source, filter: 'status = "approved"', measures: [avgScore], compareWithPrevious: true },
      target: { value: 62 },
      thresholds: bands,
      display: { decimals: 1 },
    },
    {
      id: 'confidence',
      type: 'kpi',
      title: text('平均信心', 'Confidence'),
      ...at(8, 0, 4, 4),
      query: { source, measures: [{ id: 'conf', op: 'avg', field: 'confidence', format: 'percent' }] },
    },
    {
      id: 'defects',
      type: 'kpi',
      title: text('缺陷总数', 'Defects'),
      ...at(12, 0, 4, 4),
      query: {
        source,
        measures: [{ id: 'defects', op: 'sum', field: 'defects' }],
        compareWithPrevious: true,
      },
      thresholds: { higherIsBetter: false, bands: [{ from: 0, color: 'green' }] },
    },
    {
      id: 'gauge',
      type: 'gauge',
      title: text('得分达成', 'Score vs target'),
      ...at(20, 0, 4, 8),
      query: { source, measures: [avgScore] },
      target: { value: 62 },
      thresholds: { ...bands, basis: 'value' },
      display: { max: 120, decimals: 0 },
    },
    {
      id: 'weekly',
      type: 'line',
      title: text('周平均得分', 'Weekly average score'),
      ...at(0, 4, 20, 8),
      query: { source, timeBucket: { field: 'reportedOn', unit: 'week' }, measures: [avgScore] },
      target: { value: 62 },
      display: { showTarget: true, area: true },
    },
    {
      id: 'byStatusMonth',
      type: 'line',
      title: text('各状态月度签到', 'Monthly check-ins by status'),
      ...at(0, 12, 8, 8),
      query: {
        source,
        groupBy: ['status'],
        timeBucket: { field: 'reportedOn', unit: 'month' },
        measures: [count],
      },
    },
    {
      id: 'unitScore',
      type: 'bar',
      title: text('各部门平均得分', 'Average score by unit'),
      ...at(8, 12, 8, 8),
      query: { source, groupBy: ['orgUnit'], measures: [avgScore] },
      thresholds: bands,
      target: { value: 62 },
    },
    {
      id: 'stacked',
      type: 'bar',
      title: text('月度签到（按状态）', 'Check-ins per month by status'),
      ...at(16, 12, 8, 8),
      query: {
        source,
        groupBy: ['status'],
        timeBucket: { field: 'reportedOn', unit: 'month' },
        measures: [count],
      },
      display: { stacked: true },
    },
    {
      id: 'unitDefects',
      type: 'bar',
      title: text('各部门缺陷', 'Defects by unit'),
      ...at(0, 20, 8, 10),
      query: {
        source,
        groupBy: ['orgUnit'],
        measures: [{ id: 'defects', op: 'sum', field: 'defects' }],
        sort: [{ by: 'defects', direction: 'desc' }],
        limit: 15,
      },
      display: { orientation: 'horizontal', showValues: true },
    },
    {
      id: 'statusPie',
      type: 'pie',
      title: text('状态分布', 'By status'),
      ...at(8, 20, 8, 10),
      query: { source, groupBy: ['status'], measures: [count] },
      display: { donut: true, showPercent: true },
    },
    {
      id: 'statusFunnel',
      type: 'funnel',
      title: text('审批漏斗', 'Approval funnel'),
      ...at(16, 20, 8, 10),
      query: { source, groupBy: ['status'], measures: [count] },
      display: { showConversion: true },
    },
    {
      id: 'heat',
      type: 'heatmap',
      title: text('各部门每周签到', 'Weekly check-ins per unit'),
      ...at(0, 30, 24, 12),
      query: {
        source,
        groupBy: ['orgUnit'],
        timeBucket: { field: 'reportedOn', unit: 'week' },
        measures: [count],
      },
      display: { palette: 'green' },
    },
    {
      id: 'scatter',
      type: 'scatter',
      title: text('得分与信心', 'Score and confidence'),
      ...at(0, 42, 12, 10),
      query: {
        source,
        groupBy: ['orgUnit'],
        measures: [avgScore, { id: 'conf', op: 'avg', field: 'confidence' }, count],
      },
      display: { x: 'avgScore', y: 'conf', size: 'checkIns' },
    },
    {
      id: 'gaps',
      type: 'gapBoard',
      title: text('各部门差距', 'Gap by unit'),
      ...at(12, 42, 12, 10),
      query: {
        source,
        groupBy: ['orgUnit'],
        measures: [avgScore, { id: 'target', op: 'avg', field: 'target' }],
      },
      display: { rows: 'team', actual: 'avgScore', target: 'target', sortBy: 'gap', decimals: 1 },
    },
    {
      id: 'leaders',
      type: 'leaderboard',
      title: text('得分排行', 'Top scores'),
      ...at(0, 52, 8, 14),
      query: {
        source,
        groupBy: ['employee'],
        measures: [avgScore],
        sort: [{ by: 'avgScore', direction: 'desc' }],
        limit: 10,
        compareWithPrevious: true,
      },
      display: { showRank: true, decimals: 1 },
    },
    {
      id: 'talent',
      type: 'nineBox',
      title: text('人才九宫格', 'Talent nine-box'),
      ...at(8, 52, 16, 14),
      query: {
        source,
        groupBy: ['employee'],
        measures: [avgScore, { id: 'conf', op: 'avg', field: 'confidence' }],
      },
      display: { x: 'avgScore', y: 'conf', xBands: [55, 65], yBands: [0.45, 0.55] },
    },
    {
      id: 'people',
      type: 'table',
      title: text('员工明细', 'Employees'),
      ...at(0, 66, 12, 12),
      query: {
        source,
        groupBy: ['employee'],
        measures: [count, avgScore, { id: 'defects', op: 'sum', field: 'defects' }],
      },
      thresholds: { ...bands, measure: 'avgScore' },
    },
    {
      id: 'unitMonths',
      type: 'table',
      title: text('部门月报', 'Units by month'),
      ...at(12, 66, 12, 12),
      query: {
        source,
        groupBy: ['orgUnit'],
        timeBucket: { field: 'reportedOn', unit: 'month' },
        measures: [count, avgScore],
        sort: [{ by: 'orgUnit', direction: 'asc' }],
      },
      display: { pageSize: 20, showTotals: true },
    },
    {
      id: 'approved',
      type: 'kpi',
      title: text('已审批', 'Approved'),
      ...at(16, 0, 4, 4),
      query: { source, filter: 'status = "approved"', measures: [count] },
    },
  ];
}

/** The board: its widgets and three filters (last 90 days by default, all units, everyone). */
export function benchBoard(): Record<string, unknown> {
  return {
    kind: 'dashboard',
    id: BOARD_ID,
    schemaVersion: 1,
    title: text('车间看板', 'Shop-floor board'),
    grid: { columns: 24, rowHeight: 40 },
    filters: [
      {
        type: 'dateRange',
        id: 'period',
        label: text('期间', 'Period'),
        fields: { [FORM_ID]: 'reportedOn' },
        default: 'last90Days',
      },
      {
        type: 'orgUnit',
        id: 'unit',
        label: text('部门', 'Unit'),
        fields: { [FORM_ID]: 'orgUnit' },
        default: 'all',
      },
      {
        type: 'person',
        id: 'person',
        label: text('员工', 'Employee'),
        fields: { [FORM_ID]: 'employee' },
        default: 'all',
      },
    ],
    widgets: boardWidgets(),
  };
}
