import type { LocalizedMessage } from '@formboard/formula';

/**
 * Where a run stands: running (a step to do), waiting (at an approval until it is decided, or at a
 * wait step until `wakeAt`), done, or failed (stopped with an error).
 */
export type RunStatus = 'running' | 'waiting' | 'done' | 'failed';

/** A new run, as the engine starts it. */
export interface NewRun {
  readonly id: string;
  readonly workflowId: string;
  /** The definition version the run keeps to its end. */
  readonly workflowVersion: number;
  /** What started it (`record:<id>:<revision>`, `streak:<group>:<period>`); one run per key and workflow. */
  readonly eventKey: string;
  /** The first step. */
  readonly stepId: string;
  /** What the steps read: the record's values, `$old`, `$streak`… (JSON). */
  readonly context: Readonly<Record<string, unknown>>;
}

/** A run as stored. */
export interface WorkflowRun extends Omit<NewRun, 'stepId'> {
  readonly status: RunStatus;
  /** The step to do next; null once the run ended. */
  readonly stepId: string | null;
  /** Steps done so far: part of each side effect's idempotency key. */
  readonly stepSeq: number;
  /** Why the run failed, or the last transient problem of a running one. */
  readonly error: LocalizedMessage | null;
  readonly startedAt: string;
  readonly updatedAt: string;
  readonly finishedAt: string | null;
  /** When a waiting run goes on by itself (a wait step, or the next try of a failed step); null otherwise. */
  readonly wakeAt: string | null;
  /** How many times the current step failed for now (retried with backoff); 0 once the run moves on. */
  readonly attempts: number;
}

/** A lease on a run given to an engine: who holds it and until when (ISO). */
export interface RunLeaseGrant {
  readonly holder: string;
  readonly until: string;
}

/** One engine asking to walk a run: who, when, for how long, and the workflow's concurrency limit. */
export interface RunClaim {
  /** The engine (process) taking the run. */
  readonly holder: string;
  /** Now, by the engine's clock (ISO). */
  readonly now: string;
  /** When the lease runs out unless renewed (ISO). */
  readonly until: string;
  /** At most this many runs of the workflow leased at once (`concurrency.maxRuns`). */
  readonly maxRuns?: number;
}

/** A side effect, recorded under its idempotency key before (or as) it happens. */
export interface WorkflowEffect {
  readonly key: string;
  readonly runId: string;
  readonly stepId: string;
  /** "inbox", "outbound", "record.update", "record.create". */
  readonly kind: string;
  /** What the effect does, fixed when it was first recorded: a retry repeats exactly this. */
  readonly payload: unknown;
  readonly status: 'pending' | 'done';
  readonly result: unknown;
}

/** User-visible text in both languages, as the engine rendered it. */
export type Text = Readonly<Record<string, string>>;

/** One in-app message to deliver. */
export interface InboxDelivery {
  readonly userId: string;
  readonly subject: Text | null;
  readonly message: Text;
  readonly alertId: string | null;
  /** The approval task the message asks the user to decide. */
  readonly approvalId?: string | null;
}

/** A message in a user's inbox. */
export interface InboxMessage extends InboxDelivery {
  readonly id: string;
  readonly approvalId: string | null;
  readonly workflowId: string;
  readonly runId: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** How a step leaves its run: the next step (or the end), with the effect it completed. */
export interface StepOutcome {
  /** The next step; null ends the run. */
  readonly stepId: string | null;
  readonly status: RunStatus;
  readonly error?: LocalizedMessage;
  /** The effect this step completed; marked done (or recorded done) in the same transaction. */
  readonly effect?: {
    readonly key: string;
    readonly stepId: string;
    readonly kind: string;
    readonly payload: unknown;
    readonly result: unknown;
  };
  /** Inbox messages written in the same transaction. */
  readonly inbox?: readonly InboxDelivery[];
}

/** A run of consecutive bad periods of one group in a metric-streak workflow. */
export interface Streak {
  readonly workflowId: string;
  /** The group's value (e.g. the employee's user id), as text. */
  readonly groupKey: string;
  readonly firstPeriod: string;
  readonly lastPeriod: string;
  readonly badPeriods: number;
  /** The run the streak started once it was long enough; null before. */
  readonly firedRunId: string | null;
  /** The first period that was not bad; null while the streak lasts. */
  readonly endedPeriod: string | null;
  readonly endedAt: string | null;
}

/** An alert a streak opened, to be acknowledged by its assignee. */
export interface Alert {
  readonly id: string;
  readonly workflowId: string;
  readonly runId: string;
  readonly groupKey: string;
  readonly firstPeriod: string;
  /** Who should respond (the group's direct supervisor); null when nobody was found. */
  readonly assigneeId: string | null;
  readonly status: 'open' | 'acknowledged' | 'closed';
  readonly openedAt: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedBy: string | null;
  /** Time from opening to acknowledgement, for the "alert response < 24 h" board. */
  readonly secondsToAcknowledge: number | null;
  readonly closedAt: string | null;
  readonly closedBy: string | null;
  /** "streakEnded" or "manual". */
  readonly closedReason: string | null;
}

/** An alert to open with the run a streak fires. */
export interface NewAlert {
  readonly id: string;
  readonly assigneeId: string | null;
}

/** Everything the judgement of one period changes, written in one transaction. */
export interface PeriodJudgement {
  readonly workflowId: string;
  readonly period: string;
  /** The cursor the judgement started from (null: first judgement); another judge moving it is a conflict. */
  readonly previousPeriod: string | null;
  /** Streaks to create or update (ended ones included). */
  readonly streaks: readonly Streak[];
  /** Runs (and their alerts) fired by streaks that reached their length in this period. */
  readonly fired: readonly { readonly run: NewRun; readonly alert: NewAlert; readonly streak: Streak }[];
}

/** How an approval decides: every assignee must approve, or the first decision counts. */
export type ApprovalMode = 'all' | 'any';

/** One person who may decide an approval, and what they decided. */
export interface ApprovalAssignee {
  readonly userId: string;
  /** assignee: named by the step; escalation: given the task when it escalated (decides alone). */
  readonly source: 'assignee' | 'escalation';
  readonly decision: 'approve' | 'reject' | null;
  readonly comment: string | null;
  readonly decidedAt: string | null;
}

/** An approval task a run waits on. */
export interface Approval {
  /** The effect key of the approval step that opened it. */
  readonly id: string;
  readonly runId: string;
  readonly workflowId: string;
  readonly stepId: string;
  readonly stepSeq: number;
  readonly mode: ApprovalMode;
  readonly status: 'pending' | 'approved' | 'rejected';
  readonly title: Text;
  readonly recordId: string | null;
  readonly dueAt: string | null;
  readonly escalateAt: string | null;
  readonly remindedAt: string | null;
  readonly escalatedAt: string | null;
  readonly createdAt: string;
  readonly decidedAt: string | null;
  readonly assignees: readonly ApprovalAssignee[];
}

/** An approval to open, with the inbox messages that ask its assignees. */
export interface NewApproval {
  readonly id: string;
  readonly runId: string;
  readonly stepId: string;
  readonly stepSeq: number;
  readonly mode: ApprovalMode;
  readonly title: Text;
  readonly recordId: string | null;
  readonly dueAt: string | null;
  readonly escalateAt: string | null;
  readonly assignees: readonly string[];
  readonly inbox: readonly InboxDelivery[];
}

/** One cron occurrence of a schedule workflow, handled once: the cursor moves, and the run (if any) starts. */
export interface ScheduleFiring {
  readonly workflowId: string;
  /** The cursor the tick started from (null: first sight of the workflow); another tick moving it is a conflict. */
  readonly previousAt: string | null;
  /** The new cursor: the occurrence fired, or the instant up to which occurrences were looked at. */
  readonly at: string;
  /** The run the occurrence starts; null when only the cursor moves. */
  readonly run: NewRun | null;
}
