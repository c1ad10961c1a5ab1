import { DEMO_FORM } from './demoForm.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const source = DEMO_FORM.id;

/** The demo's board over its weekly check-in form: the latest average, the trend, and a week table. */
export const DEMO_BOARD = {
  kind: 'dashboard',
  id: 'weekly-progress',
  schemaVersion: 1,
  title: text('一线周进展', 'Line progress by week'),
  grid: { columns: 12, rowHeight: 48 },
  widgets: [
    {
      id: 'average',
      type: 'kpi',
      title: text('平均完成度', 'Average progress'),
      layout: { x: 0, y: 0, w: 4, h: 4 },
      query: { source, measures: [{ id: 'progress', op: 'avg', field: 'progress' }] },
      display: { measure: 'progress', decimals: 1, unit: '%' },
      thresholds: {
        higherIsBetter: true,
        bands: [
          { from: 0, color: 'red', label: text('落后', 'Behind') },
          { from: 50, color: 'yellow', label: text('推进中', 'Moving') },
          { from: 80, color: 'green', label: text('良好', 'Good') },
        ],
      },
    },
    {
      id: 'trend',
      type: 'line',
      title: text('每周平均完成度', 'Average progress per week'),
      layout: { x: 4, y: 0, w: 8, h: 4 },
      query: {
        source,
        timeBucket: { field: 'week', unit: 'week', timeZone: 'Asia/Shanghai' },
        measures: [{ id: 'progress', op: 'avg', field: 'progress', label: text('完成度', 'Progress') }],
      },
    },
    {
      id: 'weeks',
      type: 'table',
      title: text('按周汇总', 'By week'),
      layout: { x: 0, y: 4, w: 12, h: 6 },
      query: {
        source,
        groupBy: ['week'],
        measures: [
          { id: 'entries', op: 'count', label: text('填报数', 'Check-ins') },
          { id: 'progress', op: 'avg', field: 'progress', label: text('平均完成度', 'Average progress') },
        ],
        sort: [{ by: 'week', direction: 'desc' }],
        limit: 52,
      },
    },
  ],
  sharing: { roles: ['admin', 'designer', 'manager', 'member'] },
} as const;
