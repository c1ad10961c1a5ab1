// The definitions bench/workflow publishes: two report forms with 20 record workflows on them (the
// event-lag run), and a KPI score form with 1,000 metric-streak rules (the scheduler-tick run).

type Json = Record<string, unknown>;

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** A weekly report: a number `n` (which workflows match), a score, a note workflows write. */
export function reportForm(id: string): Json {
  return {
    kind: 'form',
    id,
    schemaVersion: 1,
    title: text(`报告 ${id}`, `Report ${id}`),
    data: {
      type: 'object',
      properties: {
        n: { type: 'integer', title: text('序号', 'Number') },
        score: { type: 'number', title: text('得分', 'Score') },
        note: { type: 'string', maxLength: 200, title: text('备注', 'Note') },
      },
      required: ['n', 'score'],
    },
    layout: {
      root: ['fN', 'fScore', 'fNote'],
      nodes: {
        fN: { type: 'field', path: 'n' },
        fScore: { type: 'field', path: 'score' },
        fNote: { type: 'field', path: 'note' },
      },
    },
  };
}

/**
 * Record workflow `k` (0–9) on a form: starts for reports with `MOD(n, 5) = k mod 5`, so each report
 * starts two of its form's ten — one of which (k < 5) first writes a note on the record. Then the
 * submitter's supervisor gets an inbox message and the `hook` webhook a signed call.
 */
export function recordWorkflow(form: string, k: number): Json {
  const tell = {
    id: 'tell',
    type: 'notify',
    channel: 'inbox',
    to: [{ type: 'supervisor', of: 'submitter' }],
    message: text('报告 {{n}} 得分 {{score}}', 'report {{n}} scored {{score}}'),
    next: 'hook',
  };
  const hook = { id: 'hook', type: 'notify', channel: 'webhook', connector: 'hook', message: '{{n}}' };
  const mark = {
    id: 'mark',
    type: 'updateRecord',
    set: [{ field: 'note', formula: `"已处理 ${k}"` }],
    next: 'tell',
  };
  return {
    kind: 'workflow',
    id: `${form}-flow-${k}`,
    schemaVersion: 1,
    title: text(`${form} 流程 ${k}`, `${form} flow ${k}`),
    trigger: { type: 'record', form, events: ['created'], condition: `MOD(n, 5) = ${k % 5}` },
    start: k < 5 ? 'mark' : 'tell',
    steps: k < 5 ? [mark, tell, hook] : [tell, hook],
  };
}

/** A KPI score of one employee in one week. */
export const kpiScoreForm: Json = {
  kind: 'form',
  id: 'kpi-score',
  schemaVersion: 1,
  title: text('KPI 得分', 'KPI score'),
  data: {
    type: 'object',
    properties: {
      kpi: { type: 'string', title: text('指标', 'KPI') },
      employee: { type: 'string', title: text('员工', 'Employee') },
      week: { type: 'string', format: 'date', title: text('周', 'Week') },
      score: { type: 'number', title: text('得分', 'Score') },
    },
    required: ['kpi', 'employee', 'week', 'score'],
  },
  layout: {
    root: ['fKpi', 'fEmployee', 'fWeek', 'fScore'],
    nodes: {
      fKpi: { type: 'field', path: 'kpi' },
      fEmployee: { type: 'field', path: 'employee' },
      fWeek: { type: 'field', path: 'week', widget: 'date' },
      fScore: { type: 'field', path: 'score' },
    },
  },
};

/** Metric-streak rule `k`: KPI `K<k>`'s weekly average per employee below 60 two weeks running. */
export function streakRule(k: number): Json {
  return {
    kind: 'workflow',
    id: `kpi-rule-${k}`,
    schemaVersion: 1,
    title: text(`指标 K${k} 连续两周低于 60`, `KPI K${k} below 60 two weeks running`),
    trigger: {
      type: 'metricStreak',
      query: {
        form: 'kpi-score',
        measure: { op: 'avg', field: 'score' },
        groupBy: 'employee',
        filter: `kpi = "K${k}"`,
        dateField: 'week',
        period: 'week',
        timeZone: 'Asia/Shanghai',
      },
      baseline: 60,
      direction: 'higherIsBetter',
      periods: 2,
    },
    start: 'tell',
    steps: [
      {
        id: 'tell',
        type: 'notify',
        channel: 'inbox',
        to: [{ type: 'supervisor', of: 'employee' }],
        message: text(
          `{{employee}} 的 K${k} 连续两周低于 60`,
          `{{employee}}: K${k} below 60 two weeks running`,
        ),
      },
    ],
  };
}
