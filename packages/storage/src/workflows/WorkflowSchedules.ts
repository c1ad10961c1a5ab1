import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { insertRun } from './rows.ts';
import type { ScheduleFiring } from './types.ts';

/** Schedule (cron) workflows: the last occurrence each one handled, moved with the run it starts. */
export class WorkflowSchedules {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** The instant (ISO) up to which the workflow's occurrences were handled, if it was seen before. */
  async cursor(workflowId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ last_at: string }>(
      'SELECT last_at FROM workflow_schedule_cursors WHERE workflow_id = ?',
      [workflowId],
    );
    return row?.last_at;
  }

  /**
   * Moves the cursor and starts the occurrence's run in one transaction. The cursor must still be at
   * `previousAt` (else a conflict, and nothing is written): a second tick or process handling the
   * same occurrence does not fire it again.
   */
  async fire(firing: ScheduleFiring): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = this.now();
      const moved =
        firing.previousAt === null
          ? await tx.run(
              'INSERT INTO workflow_schedule_cursors (workflow_id, last_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (workflow_id) DO NOTHING',
              [firing.workflowId, firing.at, at],
            )
          : await tx.run(
              'UPDATE workflow_schedule_cursors SET last_at = ?, updated_at = ? WHERE workflow_id = ? AND last_at = ?',
              [firing.at, at, firing.workflowId, firing.previousAt],
            );
      if (moved.changes !== 1) {
        throw new StoreError('conflict', {
          'zh-CN': `定时流程 ${firing.workflowId} 已被处理到 ${firing.at}`,
          en: `schedule workflow ${firing.workflowId} was handled meanwhile`,
        });
      }
      if (firing.run) await insertRun(tx, firing.run, at);
    });
  }
}
