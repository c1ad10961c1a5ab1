import { appendAudit } from '../audit/AuditLog.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { notFound, StoreError } from '../errors.ts';
import { deliverInbox, parkRun } from './rows.ts';
import type { Approval, ApprovalAssignee, InboxDelivery, NewApproval, Text } from './types.ts';

type ApprovalRow = {
  id: string;
  run_id: string;
  workflow_id: string;
  step_id: string;
  step_seq: number;
  mode: Approval['mode'];
  status: Approval['status'];
  title: string;
  record_id: string | null;
  due_at: string | null;
  escalate_at: string | null;
  reminded_at: string | null;
  escalated_at: string | null;
  created_at: string;
  decided_at: string | null;
};

type AssigneeRow = {
  approval_id: string;
  user_id: string;
  source: ApprovalAssignee['source'];
  decision: ApprovalAssignee['decision'];
  comment: string | null;
  decided_at: string | null;
};

const toApproval = (row: ApprovalRow, assignees: readonly AssigneeRow[]): Approval => ({
  id: row.id,
  runId: row.run_id,
  workflowId: row.workflow_id,
  stepId: row.step_id,
  stepSeq: Number(row.step_seq),
  mode: row.mode,
  status: row.status,
  title: JSON.parse(row.title) as Text,
  recordId: row.record_id,
  dueAt: row.due_at,
  escalateAt: row.escalate_at,
  remindedAt: row.reminded_at,
  escalatedAt: row.escalated_at,
  createdAt: row.created_at,
  decidedAt: row.decided_at,
  assignees: assignees
    .filter((a) => a.approval_id === row.id)
    .map((a) => ({
      userId: a.user_id,
      source: a.source,
      decision: a.decision,
      comment: a.comment,
      decidedAt: a.decided_at,
    })),
});

/** A decision on an approval: approve or reject, with an optional comment. */
export interface ApprovalDecision {
  readonly approvalId: string;
  readonly userId: string;
  readonly decision: 'approve' | 'reject';
  readonly comment?: string;
}

// A rejection rejects; an approval approves when the mode is `any`, when someone the task escalated
// to approves (they decide in place of the assignees), or when every assignee of the step approved.
function outcome(mode: Approval['mode'], assignees: readonly AssigneeRow[], decider: AssigneeRow) {
  if (decider.decision === 'reject') return 'rejected';
  if (mode === 'any' || decider.source === 'escalation') return 'approved';
  const named = assignees.filter((a) => a.source === 'assignee');
  return named.every((a) => a.decision === 'approve') ? 'approved' : 'pending';
}

/**
 * Approval tasks of workflow runs: opened by an approval step (which parks its run), decided by their
 * assignees exactly once, reminded when due and escalated when late, once each.
 */
export class WorkflowApprovals {
  constructor(
    private readonly db: Dialect,
    private readonly now: () => string,
  ) {}

  async get(id: string, db: Dialect = this.db): Promise<Approval> {
    const [row] = await db.query<ApprovalRow>('SELECT * FROM workflow_approvals WHERE id = ?', [id]);
    if (!row) throw notFound(`approval ${id}`);
    const assignees = await db.query<AssigneeRow>(
      'SELECT * FROM workflow_approval_assignees WHERE approval_id = ? ORDER BY source, user_id',
      [id],
    );
    return toApproval(row, assignees);
  }

  /** Approvals, oldest first: of a run, and/or waiting for a user's decision (`pendingFor`). */
  async list(query: { runId?: string; pendingFor?: string } = {}): Promise<Approval[]> {
    const where: string[] = [];
    const params: string[] = [];
    if (query.runId !== undefined) {
      where.push('a.run_id = ?');
      params.push(query.runId);
    }
    if (query.pendingFor !== undefined) {
      where.push(`a.status = 'pending' AND EXISTS (SELECT 1 FROM workflow_approval_assignees p
        WHERE p.approval_id = a.id AND p.user_id = ? AND p.decision IS NULL)`);
      params.push(query.pendingFor);
    }
    const rows = await this.db.query<ApprovalRow>(
      `SELECT a.* FROM workflow_approvals a${where.length ? ` WHERE ${where.join(' AND ')}` : ''}
       ORDER BY a.created_at, a.id`,
      params,
    );
    if (rows.length === 0) return [];
    const assignees = await this.db.query<AssigneeRow>(
      `SELECT * FROM workflow_approval_assignees WHERE approval_id IN (${rows.map(() => '?').join(', ')})
       ORDER BY source, user_id`,
      rows.map((r) => r.id),
    );
    return rows.map((row) => toApproval(row, assignees));
  }

  /**
   * Opens an approval and parks its run, in one transaction; the inbox messages ask the assignees. An
   * approval already opened under the id is kept as it is (the step done again after a crash), and
   * the run is parked only while its approval is still pending.
   */
  async open(approval: NewApproval): Promise<Approval> {
    return this.db.transaction(async (tx) => {
      const at = this.now();
      const [run] = await tx.query<{ workflow_id: string }>(
        'SELECT workflow_id FROM workflow_runs WHERE id = ?',
        [approval.runId],
      );
      if (!run) throw notFound(`workflow run ${approval.runId}`);
      const inserted = await tx.run(
        `INSERT INTO workflow_approvals (id, run_id, workflow_id, step_id, step_seq, mode, status, title,
           record_id, due_at, escalate_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        [
          approval.id,
          approval.runId,
          run.workflow_id,
          approval.stepId,
          approval.stepSeq,
          approval.mode,
          JSON.stringify(approval.title),
          approval.recordId,
          approval.dueAt,
          approval.escalateAt,
          at,
          at,
        ],
      );
      if (inserted.changes === 1) {
        for (const userId of new Set(approval.assignees))
          await tx.run(
            `INSERT INTO workflow_approval_assignees (approval_id, user_id, source) VALUES (?, ?, 'assignee')`,
            [approval.id, userId],
          );
        await deliverInbox(
          tx,
          approval.id,
          { runId: approval.runId, workflowId: run.workflow_id },
          approval.inbox,
          at,
        );
      }
      const stored = await this.get(approval.id, tx);
      if (stored.status === 'pending') await parkRun(tx, approval.runId, approval.stepSeq, null, at);
      return stored;
    });
  }

  /**
   * Records a user's decision, once: the user must be an assignee who has not decided, of an approval
   * still pending. When it settles the approval, the approval's run is put back to work in the same
   * transaction. Deciders of one approval are serialized by the first statement (a row lock on
   * PostgreSQL), so two processes deciding at once settle it exactly once.
   */
  async decide(input: ApprovalDecision): Promise<Approval> {
    return this.db.transaction(async (tx) => {
      const at = this.now();
      const locked = await tx.run(
        "UPDATE workflow_approvals SET updated_at = ? WHERE id = ? AND status = 'pending'",
        [at, input.approvalId],
      );
      if (locked.changes !== 1) throw settled(await this.get(input.approvalId, tx));
      const [row] = await tx.query<ApprovalRow>('SELECT * FROM workflow_approvals WHERE id = ?', [
        input.approvalId,
      ]);
      const approval = row as ApprovalRow;
      const decided = await tx.run(
        `UPDATE workflow_approval_assignees SET decision = ?, comment = ?, decided_at = ?
         WHERE approval_id = ? AND user_id = ? AND decision IS NULL`,
        [input.decision, input.comment ?? null, at, input.approvalId, input.userId],
      );
      const assignees = await tx.query<AssigneeRow>(
        'SELECT * FROM workflow_approval_assignees WHERE approval_id = ?',
        [input.approvalId],
      );
      const decider = assignees.find((a) => a.user_id === input.userId);
      if (!decider) throw notFound(`approval ${input.approvalId} for ${input.userId}`);
      if (decided.changes !== 1) {
        throw new StoreError('state', {
          'zh-CN': `你已处理过审批 ${input.approvalId}`,
          en: `you already decided approval ${input.approvalId}`,
        });
      }
      const status = outcome(approval.mode, assignees, decider);
      if (status !== 'pending') {
        await tx.run('UPDATE workflow_approvals SET status = ?, decided_at = ? WHERE id = ?', [
          status,
          at,
          input.approvalId,
        ]);
        await tx.run(
          `UPDATE workflow_runs SET status = 'running', wake_at = NULL, updated_at = ?
           WHERE id = ? AND step_seq = ? AND status = 'waiting'`,
          [at, approval.run_id, approval.step_seq],
        );
      }
      const summary = {
        decision: input.decision,
        status,
        ...(input.comment ? { comment: input.comment } : {}),
      };
      await appendAudit(
        tx,
        {
          actor: input.userId,
          action: 'approval.decide',
          entityType: 'approval',
          entityId: input.approvalId,
          summary,
        },
        at,
      );
      return this.get(input.approvalId, tx);
    });
  }

  /** Pending approvals whose due time (not reminded yet) or escalation time (not escalated yet) has come. */
  async overdue(now: string, limit = 100): Promise<Approval[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM workflow_approvals WHERE status = 'pending' AND (
         (due_at IS NOT NULL AND due_at <= ? AND reminded_at IS NULL) OR
         (escalate_at IS NOT NULL AND escalate_at <= ? AND escalated_at IS NULL))
       ORDER BY created_at, id LIMIT ?`,
      [now, now, limit],
    );
    const out: Approval[] = [];
    for (const { id } of rows) out.push(await this.get(id));
    return out;
  }

  /** Marks a pending approval reminded and writes the reminders; false (and nothing written) if it was already. */
  remind(id: string, inbox: readonly InboxDelivery[]): Promise<boolean> {
    return this.markOnce(id, 'reminded_at', 'remind', [], inbox);
  }

  /**
   * Marks a pending approval escalated: the users it escalates to may now decide (alone), and are
   * told by the inbox messages. False (and nothing written) if it was escalated already.
   */
  escalate(id: string, to: readonly string[], inbox: readonly InboxDelivery[]): Promise<boolean> {
    return this.markOnce(id, 'escalated_at', 'escalate', to, inbox);
  }

  private async markOnce(
    id: string,
    column: 'reminded_at' | 'escalated_at',
    effect: string,
    to: readonly string[],
    inbox: readonly InboxDelivery[],
  ): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const at = this.now();
      const marked = await tx.run(
        `UPDATE workflow_approvals SET ${column} = ?, updated_at = ? WHERE id = ? AND ${column} IS NULL AND status = 'pending'`,
        [at, at, id],
      );
      if (marked.changes !== 1) return false;
      const approval = await this.get(id, tx);
      for (const userId of new Set(to))
        await tx.run(
          `INSERT INTO workflow_approval_assignees (approval_id, user_id, source) VALUES (?, ?, 'escalation')
           ON CONFLICT (approval_id, user_id) DO NOTHING`,
          [id, userId],
        );
      const run = { runId: approval.runId, workflowId: approval.workflowId };
      await deliverInbox(tx, `${id}/${effect}`, run, inbox, at);
      return true;
    });
  }
}

function settled(approval: Approval): StoreError {
  return new StoreError('state', {
    'zh-CN': `审批 ${approval.id} 已${approval.status === 'approved' ? '通过' : '驳回'}`,
    en: `approval ${approval.id} is already ${approval.status}`,
  });
}
