import type { Dialect } from '../dialect/Dialect.ts';
import { notFound } from '../errors.ts';
import { writeOne } from './rows.ts';
import type { InboxMessage, Text } from './types.ts';

type InboxRow = {
  id: string;
  user_id: string;
  workflow_id: string;
  run_id: string;
  subject: string | null;
  message: string;
  alert_id: string | null;
  approval_id: string | null;
  created_at: string;
  read_at: string | null;
};

const toMessage = (row: InboxRow): InboxMessage => ({
  id: row.id,
  userId: row.user_id,
  workflowId: row.workflow_id,
  runId: row.run_id,
  subject: row.subject ? (JSON.parse(row.subject) as Text) : null,
  message: JSON.parse(row.message) as Text,
  alertId: row.alert_id,
  approvalId: row.approval_id,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** The in-app inbox workflows write to (delivery happens in `WorkflowRuns.advance`). */
export class WorkflowInbox {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  /** A user's messages, newest first. */
  async list(userId: string, options: { unreadOnly?: boolean } = {}): Promise<InboxMessage[]> {
    const rows = await this.db.query<InboxRow>(
      `SELECT * FROM workflow_inbox WHERE user_id = ?${options.unreadOnly ? ' AND read_at IS NULL' : ''}
       ORDER BY created_at DESC, id DESC`,
      [userId],
    );
    return rows.map(toMessage);
  }

  /** Marks a message of the user read (again: no change). */
  async markRead(id: string, userId: string): Promise<void> {
    const changed = await writeOne(
      this.db,
      'UPDATE workflow_inbox SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?',
      [this.now(), id, userId],
    );
    if (changed.changes === 0) throw notFound(`inbox message ${id}`);
  }
}
