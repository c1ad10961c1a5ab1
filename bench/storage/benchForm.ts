import type { DashboardQuery } from '@formboard/schema';

/** The form the storage benchmark enters records into: a weekly score per person and org unit. */
export const BENCH_FORM_ID = 'bench-weekly-score';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The definition whose history gets 10,000 versions. */
export const VERSIONED_FORM_ID = 'bench-versioned';

/** The benchmark form's definition; `title` varies so every saved version differs. */
export function benchForm(id = BENCH_FORM_ID, title = '周评分'): Record<string, unknown> {
  return {
    kind: 'form',
    id,
    schemaVersion: 1,
    title: text(title, title),
    data: {
      type: 'object',
      properties: {
        employee: { type: 'string', format: 'user', title: text('员工', 'Employee') },
        orgUnit: { type: 'string', format: 'org-unit', title: text('部门', 'Org unit') },
        reportedOn: { type: 'string', format: 'date', title: text('日期', 'Date') },
        score: { type: 'number', minimum: 0, maximum: 120, title: text('得分', 'Score') },
      },
      required: ['employee', 'orgUnit', 'reportedOn', 'score'],
    },
    layout: {
      root: ['fEmployee', 'fOrgUnit', 'fDate', 'fScore'],
      nodes: {
        fEmployee: { type: 'field', path: 'employee', widget: 'user' },
        fOrgUnit: { type: 'field', path: 'orgUnit', widget: 'orgUnit' },
        fDate: { type: 'field', path: 'reportedOn', widget: 'date' },
        fScore: { type: 'field', path: 'score' },
      },
    },
  };
}

/** The board query of the benchmark: the average score per org unit and ISO week, in China time. */
export const WEEKLY_AVERAGE_BY_ORG_UNIT: DashboardQuery = {
  source: BENCH_FORM_ID,
  groupBy: ['orgUnit'],
  timeBucket: { field: 'reportedOn', unit: 'week', timeZone: 'Asia/Shanghai' },
  measures: [{ id: 'avgScore', op: 'avg', field: 'score' }],
};

/** The dashboard holding the board query: publishing it builds the board index the query runs on. */
export const BENCH_BOARD_ID = 'bench-board';

/** The benchmark's dashboard: one line chart of the weekly average by org unit. */
export function benchBoard(): Record<string, unknown> {
  return {
    kind: 'dashboard',
    id: BENCH_BOARD_ID,
    schemaVersion: 1,
    title: text('周评分看板', 'Weekly score board'),
    grid: { columns: 24 },
    widgets: [
      {
        id: 'weekly',
        type: 'line',
        title: text('各部门周平均分', 'Weekly average by org unit'),
        layout: { x: 0, y: 0, w: 24, h: 8 },
        query: WEEKLY_AVERAGE_BY_ORG_UNIT,
      },
    ],
  };
}
