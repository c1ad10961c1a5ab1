import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { insertRun } from './rows.ts';
import type { PeriodJudgement, Streak } from './types.ts';

type StreakRow = {
  workflow_id: string;
  group_key: string;
  first_period: string;
  last_period: string;
  bad_periods: number;
  fired_run_id: string | null;
  ended_period: string | null;
  ended_at: string | null;
};

const toStreak = (row: StreakRow): Streak => ({
  workflowId: row.workflow_id,
  groupKey: row.group_key,
  firstPeriod: row.first_period,
  lastPeriod: row.last_period,
  badPeriods: Number(row.bad_periods),
  firedRunId: row.fired_run_id,
  endedPeriod: row.ended_period,
  endedAt: row.ended_at,
});

/** Metric streaks: which period each workflow judged last, the streaks per group, and what they fired. */
export class WorkflowStreaks {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** The last period the workflow judged ("YYYY-MM-DD", the period's first day), if any. */
  async cursor(workflowId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ last_period: string }>(
      'SELECT last_period FROM workflow_metric_cursors WHERE workflow_id = ?',
      [workflowId],
    );
    return row?.last_period;
  }

  /** Streaks of a workflow (all, or only those still going), by group and first period. */
  async list(workflowId: string, options: { openOnly?: boolean } = {}): Promise<Streak[]> {
    const rows = await this.db.query<StreakRow>(
      `SELECT * FROM workflow_streaks WHERE workflow_id = ?${options.openOnly ? ' AND ended_period IS NULL' : ''}
       ORDER BY group_key, first_period`,
      [workflowId],
    );
    return rows.map(toStreak);
  }

  /**
   * Writes the judgement of one period in one transaction: moves the cursor (a conflict if another
   * judge moved it first, so each period is judged once), saves the streaks, starts the runs that
   * streaks fired with their alerts, and closes the alerts of streaks that ended.
   */
  async judge(judgement: PeriodJudgement): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      const { workflowId, period, previousPeriod } = judgement;
      const moved =
        previousPeriod === null
          ? await tx.run(
              'INSERT INTO workflow_metric_cursors (workflow_id, last_period, updated_at) VALUES (?, ?, ?) ON CONFLICT (workflow_id) DO NOTHING',
              [workflowId, period, at],
            )
          : await tx.run(
              'UPDATE workflow_metric_cursors SET last_period = ?, updated_at = ? WHERE workflow_id = ? AND last_period = ?',
              [period, at, workflowId, previousPeriod],
            );
      if (moved.changes !== 1) {
        throw new StoreError('conflict', {
          'zh-CN': `流程 ${workflowId} 的 ${period} 期已被判定`,
          en: `period ${period} of workflow ${workflowId} was judged meanwhile`,
        });
      }
      for (const streak of judgement.streaks) {
        await tx.run(
          `INSERT INTO workflow_streaks (workflow_id, group_key, first_period, last_period, bad_periods,
             fired_run_id, ended_period, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (workflow_id, group_key, first_period) DO UPDATE SET last_period = excluded.last_period,
             bad_periods = excluded.bad_periods, fired_run_id = excluded.fired_run_id,
             ended_period = excluded.ended_period, ended_at = excluded.ended_at`,
          [
            workflowId,
            streak.groupKey,
            streak.firstPeriod,
            streak.lastPeriod,
            streak.badPeriods,
            streak.firedRunId,
            streak.endedPeriod,
            streak.endedPeriod ? at : null,
          ],
        );
        if (streak.endedPeriod)
          await tx.run(
            `UPDATE workflow_alerts SET closed_at = ?, closed_reason = 'streakEnded'
             WHERE workflow_id = ? AND group_key = ? AND first_period = ? AND closed_at IS NULL`,
            [at, workflowId, streak.groupKey, streak.firstPeriod],
          );
      }
      for (const { run, alert, streak } of judgement.fired) {
        await insertRun(tx, run, at);
        await tx.run(
          `INSERT INTO workflow_alerts (id, workflow_id, run_id, group_key, first_period, assignee_id, opened_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
          [alert.id, workflowId, run.id, streak.groupKey, streak.firstPeriod, alert.assigneeId, at],
        );
      }
    });
  }
}
