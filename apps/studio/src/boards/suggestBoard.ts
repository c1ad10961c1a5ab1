import type { DashboardDefinition, FormDefinition } from '@formboard/schema';
import type { Locale } from '../i18n/locale.tsx';
import { valueFields } from '../records/recordColumns.ts';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/**
 * A first board for a form, from its field types alone: how many records, the trend over its first
 * date field, a breakdown by its first choice field, and a table of that breakdown — each summing
 * or averaging its first number field. Someone who just imported a sheet sees their data at once
 * and can refine the board later.
 */
export function suggestBoard(form: FormDefinition, boardId: string, locale: Locale): DashboardDefinition {
  const fields = valueFields(form, locale).filter((column) => !column.path.includes('.'));
  const date = fields.find((c) => c.field.format === 'date' || c.field.format === 'date-time');
  const choice = fields.find((c) => c.field.options !== undefined && c.field.kind === 'string');
  const number = fields.find((c) => c.field.kind === 'number');
  const source = form.id;
  const count = { id: 'count', op: 'count', label: text('记录数', 'Records') } as const;
  const average = number
    ? ({
        id: 'average',
        op: 'avg',
        field: number.path,
        label: text(`平均${number.title}`, `Average ${number.title}`),
      } as const)
    : undefined;
  const measures = average ? [count, average] : [count];
  const widgets: DashboardDefinition['widgets'][number][] = [
    {
      id: 'records',
      type: 'kpi',
      title: text('记录数', 'Records'),
      layout: { x: 0, y: 0, w: 4, h: 4 },
      query: { source, measures: [count] },
    },
  ];
  if (average)
    widgets.push({
      id: 'average',
      type: 'kpi',
      title: average.label,
      layout: { x: 4, y: 0, w: 4, h: 4 },
      query: { source, measures: [average] },
      display: { measure: 'average', decimals: 1 },
    });
  if (date)
    widgets.push({
      id: 'trend',
      type: 'line',
      title: text(`按周（${date.title}）`, `By week (${date.title})`),
      layout: { x: 0, y: 4, w: 12, h: 6 },
      query: { source, timeBucket: { field: date.path, unit: 'week', timeZone: 'Asia/Shanghai' }, measures },
    });
  if (choice) {
    widgets.push({
      id: 'breakdown',
      type: 'bar',
      title: text(`按${choice.title}`, `By ${choice.title}`),
      layout: { x: 0, y: date ? 10 : 4, w: 6, h: 6 },
      query: { source, groupBy: [choice.path], measures: [count] },
    });
    widgets.push({
      id: 'table',
      type: 'table',
      title: text(`${choice.title}汇总`, `${choice.title} summary`),
      layout: { x: 6, y: date ? 10 : 4, w: 6, h: 6 },
      query: {
        source,
        groupBy: [choice.path],
        measures,
        sort: [{ by: 'count', direction: 'desc' }],
        limit: 50,
      },
    });
  }
  const title =
    typeof form.title === 'string' ? form.title : (form.title[locale] ?? form.title['zh-CN'] ?? form.id);
  return {
    kind: 'dashboard',
    id: boardId,
    schemaVersion: 1,
    title: text(`${title}看板`, `${title} board`),
    grid: { columns: 12, rowHeight: 48 },
    widgets,
    sharing: { roles: ['admin', 'designer', 'manager', 'member'] },
  } as DashboardDefinition;
}
