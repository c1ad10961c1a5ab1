// The benchmark's data: a weekly check-in form at a factory, 1M records as a function of their number
// i over the two years before the run, 5,000 employees in 50 org units, and a 20-widget board over it.

export const FORM_ID = 'bench-checkin';
export const BOARD_ID = 'bench-floor-board';
export const ORG_UNITS = 50;
export const EMPLOYEES = 5000;
/** Days covered, ending yesterday: two years of check-ins. */
export const DAYS = 728;
const DAY_MS = 86_400_000;

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** The first day of the data: DAYS days before today (UTC). */
export function firstDay(nowMs: number): string {
  return new Date(Math.floor(nowMs / DAY_MS) * DAY_MS - DAYS * DAY_MS).toISOString().slice(0, 10);
}

/** Status of record i by i mod 10: 60 % approved, 20 % submitted, 10 % draft, 10 % rejected. */
const STATUSES = [
  'approved',
  'approved',
  'approved',
  'approved',
  'approved',
  'approved',
  'submitted',
  'submitted',
  'draft',
  'rejected',
] as const;
// The same CASE in SQLite and PostgreSQL.
const STATUS_SQL = `CASE i % 10 ${STATUSES.map((s, n) => `WHEN ${n} THEN '${s}'`).join(' ')} END`;

/**
 * The SQLite expression of record i's data (the same formulas as `checkIn`): employee u(i mod 5000) in
 * org unit ou-(i mod 50) (so each employee stays in one unit), a date in the two years, and values.
 */
export function recordJsonSql(start: string): string {
  return `json_object('employee', 'u' || (i % ${EMPLOYEES}), 'orgUnit', 'ou-' || (i % ${ORG_UNITS}),
    'reportedOn', date('${start}', '+' || (i % ${DAYS}) || ' days'), 'score', (i * 37) % 121,
    'target', 100, 'status', ${STATUS_SQL}, 'confidence', ((i * 7) % 11) / 10.0, 'defects', (i * 13) % 10)`;
}

/** The PostgreSQL expression of record i's data: the same values as {@link recordJsonSql}. */
export function recordJsonPostgres(start: string): string {
  return `jsonb_build_object('employee', 'u' || (i % ${EMPLOYEES}), 'orgUnit', 'ou-' || (i % ${ORG_UNITS}),
    'reportedOn', to_char(date '${start}' + (i % ${DAYS}), 'YYYY-MM-DD'), 'score', (i * 37) % 121,
    'target', 100, 'status', ${STATUS_SQL}, 'confidence', ((i * 7) % 11) / 10.0, 'defects', (i * 13) % 10)`;
}

/** Record i's data, as entered through the API (the update measurement submits new ones). */
export function checkIn(i: number, start: string): Record<string, unknown> {
  return {
    employee: `u${i % EMPLOYEES}`,
    orgUnit: `ou-${i % ORG_UNITS}`,
    reportedOn: new Date(Date.parse(`${start}T00:00:00Z`) + (i % DAYS) * DAY_MS).toISOString().slice(0, 10),
    score: (i * 37) % 121,
    target: 100,
    status: STATUSES[i % 10],
    confidence: ((i * 7) % 11) / 10,
    defects: (i * 13) % 10,
  };
}

/** The check-in form. */
export function checkInForm(): Record<string, unknown> {
  const field = (path: string, widget?: string) => ({ type: 'field', path, ...(widget ? { widget } : {}) });
  return {
    kind: 'form',
    id: FORM_ID,
    schemaVersion: 1,
    title: text('周签到', 'Weekly check-in'),
    data: {
      type: 'object',
      properties: {
        employee: { type: 'string', format: 'user', title: text('员工', 'Employee') },
        orgUnit: { type: 'string', format: 'org-unit', title: text('部门', 'Org unit') },
        reportedOn: { type: 'string', format: 'date', title: text('日期', 'Date') },
        score: { type: 'number', minimum: 0, maximum: 120, title: text('得分', 'Score') },
        target: { type: 'number', title: text('目标', 'Target') },
        status: {
          type: 'string',
          title: text('状态', 'Status'),
          oneOf: ['draft', 'submitted', 'approved', 'rejected'].map((s) => ({ const: s, title: text(s, s) })),
        },
        confidence: { type: 'number', minimum: 0, maximum: 1, title: text('信心', 'Confidence') },
        defects: { type: 'integer', minimum: 0, title: text('缺陷数', 'Defects') },
      },
      required: ['employee', 'orgUnit', 'reportedOn', 'score', 'target', 'status'],
    },
    layout: {
      root: ['e', 'o', 'd', 's', 't', 'st', 'c', 'x'],
      nodes: {
        e: field('employee', 'user'),
        o: field('orgUnit', 'orgUnit'),
        d: field('reportedOn', 'date'),
        s: field('score'),
        t: field('target'),
        st: field('status'),
        c: field('confidence'),
        x: field('defects'),
      },
    },
  };
}
