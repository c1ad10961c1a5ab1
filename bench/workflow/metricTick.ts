import { openStore, type Store, type User } from '@formboard/storage';
import { createWorkflowEngine } from '@formboard/workflow';
import { kpiScoreForm, streakRule } from './benchDefinitions.ts';

/** What the scheduler-tick run measured. */
export interface TickResult {
  readonly database: 'SQLite' | 'PostgreSQL';
  readonly rules: number;
  readonly records: number;
  /** The first tick: every rule judges its last closed week. */
  readonly firstTickMs: number;
  /** A week later: every rule judges the next week; streaks reaching two weeks fire. */
  readonly secondTickMs: number;
  readonly runsStarted: number;
  readonly problems: number;
}

const EMPLOYEES = 100;
const WEEKS = 10;
// Monday 29 June 2026: the first of the ten weeks of data.
const FIRST_WEEK = Date.parse('2026-06-29T00:00:00Z');
const WEEK_MS = 7 * 86_400_000;
const weekDay = (week: number) => new Date(FIRST_WEEK + week * WEEK_MS).toISOString().slice(0, 10);

const person = (id: string, supervisorId: string | null): User => ({
  id,
  name: id,
  email: null,
  orgUnitId: null,
  supervisorId,
  roles: ['member'],
  disabled: false,
});

/**
 * 100k KPI scores: 1,000 KPIs × 10 of the 100 employees × 10 weeks (a KPI's scorers rotate), scores
 * 55–95 moving 3 a week, so that about one week in eight is below the baseline of 60 and one pair of
 * weeks in twenty is a streak. Entered through the store (validated, history, audit), 5,000 at a time.
 */
async function seed(store: Store, rules: number): Promise<number> {
  const people = [
    person('boss', null),
    ...Array.from({ length: EMPLOYEES }, (_, e) => person(`e${e}`, 'boss')),
  ];
  await store.people.saveUsers(people, 'setup');
  const created = await store.definitions.create(kpiScoreForm, { author: 'setup' });
  await store.definitions.publish('kpi-score', created.version, { author: 'setup' });
  let rows: Record<string, unknown>[] = [];
  let count = 0;
  for (let week = 0; week < WEEKS; week++)
    for (let kpi = 0; kpi < rules; kpi++)
      for (let j = 0; j < 10; j++) {
        count++;
        rows.push({
          kpi: `K${kpi}`,
          employee: `e${(kpi + j * 10) % EMPLOYEES}`,
          week: weekDay(week),
          score: 55 + ((kpi * 7 + j * 13 + week * 3) % 41),
        });
        if (rows.length === 5000) {
          await store.records.insertMany('kpi-score', rows, { actor: 'setup' });
          rows = [];
        }
      }
  if (rows.length > 0) await store.records.insertMany('kpi-score', rows, { actor: 'setup' });
  for (let k = 0; k < rules; k++) {
    const rule = await store.definitions.create(streakRule(k), { author: 'setup' });
    await store.definitions.publish(`kpi-rule-${k}`, rule.version, { author: 'setup' });
  }
  return count;
}

/**
 * One scheduler tick over `rules` metric-streak workflows on `database`: the engine's real tick (each
 * rule under its lease: one grouped query, its streaks and fired runs written in one transaction),
 * timed twice — the first sight of the rules, and a week later, when streaks fire and their runs walk.
 */
export async function measureMetricTick(
  database: string,
  label: TickResult['database'],
  rules: number,
): Promise<TickResult> {
  const store = await openStore({ database });
  try {
    const records = await seed(store, rules);
    // Wednesday of the last data week, 10:00 in Shanghai: the first tick judges the week before it
    // (a new rule looks back one closed week), the second, a week later, the last data week.
    let now = new Date(FIRST_WEEK + (WEEKS - 1) * WEEK_MS + 2 * 86_400_000 + 2 * 3_600_000);
    const engine = createWorkflowEngine({
      store,
      clock: { now: () => now },
      outbound: { send: async () => ({ status: 200 }) },
    });
    const time = async () => {
      const start = performance.now();
      const report = await engine.tick();
      return { ms: performance.now() - start, report };
    };
    const first = await time();
    now = new Date(now.getTime() + WEEK_MS);
    const second = await time();
    return {
      database: label,
      rules,
      records,
      firstTickMs: first.ms,
      secondTickMs: second.ms,
      runsStarted: first.report.started.length + second.report.started.length,
      problems: first.report.problems.length + second.report.problems.length,
    };
  } finally {
    await store.close();
  }
}
