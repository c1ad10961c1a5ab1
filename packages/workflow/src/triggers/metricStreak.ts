import {
  type DashboardQuery,
  DEFAULT_TIME_ZONE,
  isBadPeriod,
  type MetricStreakTrigger,
} from '@formboard/schema';
import type { PeriodJudgement, QueryRow, Store, Streak } from '@formboard/storage';
import type { PublishedWorkflow } from '../definitions.ts';
import { lastDayOf, periodAt, periodsToJudge, shiftDay, shiftPeriod } from '../periods.ts';
import { StepFailed } from '../steps/StepFailed.ts';
import { judgeStreaks } from './judgeStreaks.ts';

/** At most this many missed periods are caught up after an outage (a year of weeks). */
const CATCH_UP_LIMIT = 52;

/** The metric as a dashboard query: one row per group and period, with the value and the baseline. */
function metricQuery(trigger: MetricStreakTrigger, dateField: string, timeZone: string): DashboardQuery {
  const { query, baseline } = trigger;
  const value = query.measure.field
    ? { id: 'value', op: query.measure.op, field: query.measure.field }
    : { id: 'value', op: query.measure.op };
  // A baseline field is aggregated like the measure; averaged when the measure counts.
  const baselineMeasure =
    typeof baseline === 'object' && 'field' in baseline
      ? [
          {
            id: 'baseline',
            op: query.measure.op === 'count' ? 'avg' : query.measure.op,
            field: baseline.field,
          },
        ]
      : [];
  return {
    source: query.form,
    ...(query.filter ? { filter: query.filter } : {}),
    groupBy: [query.groupBy],
    timeBucket: { field: dateField, unit: query.period, timeZone },
    measures: [value, ...baselineMeasure],
  } as DashboardQuery;
}

/** The period's values by group: value, baseline and whether it is bad. Groups without a value have no verdict. */
function valuesOf(
  trigger: MetricStreakTrigger,
  rows: readonly QueryRow[],
  dateField: string,
  period: string,
) {
  const out = new Map<string, { value: number; baseline: number; bad: boolean }>();
  for (const row of rows) {
    if (row[dateField] !== period) continue;
    const value = row.value;
    const baseline = typeof trigger.baseline === 'number' ? trigger.baseline : row.baseline;
    if (typeof value !== 'number' || typeof baseline !== 'number') continue;
    const bad = isBadPeriod(trigger.direction, value, baseline);
    out.set(String(row[trigger.query.groupBy]), { value, baseline, bad });
  }
  return out;
}

/** What the engine supplies when a streak fires: ids and the alert's assignee. */
export interface FireHooks {
  readonly newId: () => string;
  readonly startedAt: string;
  readonly assigneeOf: (groupKey: string) => Promise<string | null>;
}

/**
 * Judges the closed periods of a metric-streak workflow not judged yet, oldest first, each in its own
 * transaction (streaks, cursor, fired runs and their alerts, closed alerts together). Returns the ids
 * of the runs started.
 */
export async function judgeMetricStreak(
  store: Store,
  workflow: PublishedWorkflow,
  now: Date,
  hooks: FireHooks,
): Promise<string[]> {
  const trigger = workflow.definition.trigger;
  if (trigger.type !== 'metricStreak') return [];
  const { query } = trigger;
  if (!query.dateField || (typeof trigger.baseline === 'object' && 'formula' in trigger.baseline)) {
    throw new StepFailed({
      'zh-CN': '指标连续预警暂需指定日期字段（dateField），基线暂不支持公式',
      en: 'metric streaks need a dateField for now, and baseline formulas are not supported yet',
    });
  }
  const timeZone = query.timeZone ?? DEFAULT_TIME_ZONE;
  const unit = query.period;
  const current = periodAt(now, unit, timeZone);
  let cursor = await store.workflows.streaks.cursor(workflow.id);
  const periods = periodsToJudge(cursor, current, unit, CATCH_UP_LIMIT);
  const first = periods[0];
  if (first === undefined) return [];
  // From far enough back to show the values of a whole streak; widened a day at both ends because
  // date-time fields hold UTC text, and rows are then picked by their period.
  const from = shiftPeriod(first, unit, -(trigger.periods - 1));
  const rows = await store.queries.run(metricQuery(trigger, query.dateField, timeZone), {
    dateRange: { field: query.dateField, from: shiftDay(from, -1), to: shiftDay(current, 1) },
  });
  const open = new Map(
    (await store.workflows.streaks.list(workflow.id, { openOnly: true })).map((s) => [s.groupKey, s]),
  );
  const started: string[] = [];
  let streaks = open;
  for (const period of periods) {
    const values = valuesOf(trigger, rows, query.dateField, period);
    const verdicts = new Map([...values].map(([group, v]) => [group, v.bad]));
    const changes = judgeStreaks(
      workflow.id,
      streaks,
      verdicts,
      period,
      shiftPeriod(period, unit, -1),
      trigger.periods,
    );
    const fired: PeriodJudgement['fired'][number][] = [];
    for (const group of changes.reached) {
      const streak = changes.open.get(group) as Streak;
      const runId = hooks.newId();
      const alertId = hooks.newId();
      const firedStreak = { ...streak, firedRunId: runId };
      changes.open.set(group, firedStreak);
      changes.changed.splice(changes.changed.indexOf(streak), 1, firedStreak);
      const history = [];
      for (let p = streak.firstPeriod; p <= period; p = shiftPeriod(p, unit, 1))
        history.push(valuesOf(trigger, rows, query.dateField, p).get(group)?.value ?? null);
      const now = values.get(group);
      fired.push({
        streak: firedStreak,
        alert: { id: alertId, assigneeId: await hooks.assigneeOf(group) },
        run: {
          id: runId,
          workflowId: workflow.id,
          workflowVersion: workflow.version,
          eventKey: `streak:${group}:${streak.firstPeriod}`,
          stepId: workflow.definition.start,
          context: {
            data: { [query.groupBy]: group },
            variables: {
              streak: {
                value: now?.value ?? null,
                baseline: now?.baseline ?? null,
                values: history,
                periods: streak.badPeriods,
                periodStart: streak.firstPeriod,
                periodEnd: lastDayOf(period, unit),
              },
              alert: { id: alertId },
              run: { id: runId, startedAt: hooks.startedAt },
            },
            ownerId: group,
            timeZone,
          },
        },
      });
    }
    await store.workflows.streaks.judge({
      workflowId: workflow.id,
      period,
      previousPeriod: cursor ?? null,
      streaks: changes.changed,
      fired,
    });
    started.push(...fired.map((f) => f.run.id));
    cursor = period;
    streaks = changes.open;
  }
  return started;
}
