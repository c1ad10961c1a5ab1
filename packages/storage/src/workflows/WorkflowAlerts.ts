import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound, StoreError } from '../errors.ts';
import type { Alert } from './types.ts';

type AlertRow = {
  id: string;
  workflow_id: string;
  run_id: string;
  group_key: string;
  first_period: string;
  assignee_id: string | null;
  opened_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
  seconds_to_acknowledge: number | null;
  closed_at: string | null;
  closed_by: string | null;
  closed_reason: string | null;
};

const toAlert = (row: AlertRow): Alert => ({
  id: row.id,
  workflowId: row.workflow_id,
  runId: row.run_id,
  groupKey: row.group_key,
  firstPeriod: row.first_period,
  assigneeId: row.assignee_id,
  status: row.closed_at ? 'closed' : row.acknowledged_at ? 'acknowledged' : 'open',
  openedAt: row.opened_at,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedBy: row.acknowledged_by,
  secondsToAcknowledge: row.seconds_to_acknowledge === null ? null : Number(row.seconds_to_acknowledge),
  closedAt: row.closed_at,
  closedBy: row.closed_by,
  closedReason: row.closed_reason,
});

/** Alerts opened by metric streaks: acknowledged by their assignee, closed when the streak ends or by hand. */
export class WorkflowAlerts {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  async get(id: string): Promise<Alert> {
    const [row] = await this.db.query<AlertRow>('SELECT * FROM workflow_alerts WHERE id = ?', [id]);
    if (!row) throw notFound(`alert ${id}`);
    return toAlert(row);
  }

  /** Alerts, oldest first, of a workflow and/or an assignee. */
  async list(query: { workflowId?: string; assigneeId?: string } = {}): Promise<Alert[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (query.workflowId !== undefined) {
      where.push('workflow_id = ?');
      params.push(query.workflowId);
    }
    if (query.assigneeId !== undefined) {
      where.push('assignee_id = ?');
      params.push(query.assigneeId);
    }
    const rows = await this.db.query<AlertRow>(
      `SELECT * FROM workflow_alerts${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at, id`,
      params,
    );
    return rows.map(toAlert);
  }

  /** Records that `userId` saw the alert, and how long after it opened; only an open alert can be acknowledged. */
  async acknowledge(id: string, userId: string): Promise<Alert> {
    return this.change(id, userId, 'alert.acknowledge', (alert, at) => {
      if (alert.status !== 'open') throw notOpen(id, alert.status);
      const seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(alert.openedAt)) / 1000));
      return {
        sql: 'UPDATE workflow_alerts SET acknowledged_at = ?, acknowledged_by = ?, seconds_to_acknowledge = ? WHERE id = ? AND acknowledged_at IS NULL AND closed_at IS NULL',
        params: [at, userId, seconds, id],
      };
    });
  }

  /** Closes an alert by hand (one its streak has not closed yet). */
  async close(id: string, userId: string): Promise<Alert> {
    return this.change(id, userId, 'alert.close', (alert, at) => {
      if (alert.status === 'closed') throw notOpen(id, alert.status);
      return {
        sql: "UPDATE workflow_alerts SET closed_at = ?, closed_by = ?, closed_reason = 'manual' WHERE id = ? AND closed_at IS NULL",
        params: [at, userId, id],
      };
    });
  }

  // One audited, race-safe change: the UPDATE re-checks the state it was decided on.
  private async change(
    id: string,
    actor: string,
    action: string,
    decide: (alert: Alert, at: string) => { sql: string; params: unknown[] },
  ): Promise<Alert> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<AlertRow>('SELECT * FROM workflow_alerts WHERE id = ?', [id]);
      if (!row) throw notFound(`alert ${id}`);
      const at = this.now();
      const statement = decide(toAlert(row), at);
      if ((await tx.run(statement.sql, statement.params)).changes !== 1)
        throw notOpen(id, action === 'alert.close' ? 'closed' : 'acknowledged');
      await appendAudit(tx, { actor, action, entityType: 'alert', entityId: id, summary: {} }, at);
    });
    return this.get(id);
  }
}

function notOpen(id: string, status: string): StoreError {
  return new StoreError('state', {
    'zh-CN': `预警 ${id} 已${status === 'closed' ? '关闭' : '确认'}`,
    en: `alert ${id} is already ${status}`,
  });
}
