import type { Dialect } from '../dialect/Dialect.ts';
import { RecordEventOutbox } from './RecordEventOutbox.ts';
import { WorkflowAlerts } from './WorkflowAlerts.ts';
import { WorkflowApprovals } from './WorkflowApprovals.ts';
import { WorkflowInbox } from './WorkflowInbox.ts';
import { WorkflowLeases } from './WorkflowLeases.ts';
import { WorkflowRuns } from './WorkflowRuns.ts';
import { WorkflowSchedules } from './WorkflowSchedules.ts';
import { WorkflowStreaks } from './WorkflowStreaks.ts';

/**
 * What the workflow engine keeps: runs and their effects, the inbox, approvals, metric streaks and
 * alerts, schedule cursors, the leases that share the work among engine processes, and the outbox of
 * record changes that start record-triggered runs.
 */
export class WorkflowStore {
  readonly runs: WorkflowRuns;
  readonly inbox: WorkflowInbox;
  readonly streaks: WorkflowStreaks;
  readonly alerts: WorkflowAlerts;
  readonly approvals: WorkflowApprovals;
  readonly schedules: WorkflowSchedules;
  /** Named leases that share the engine's work among processes. */
  readonly leases: WorkflowLeases;
  /** Committed record changes the engine has yet to take (the outbox record writes fill). */
  readonly recordEvents: RecordEventOutbox;

  constructor(db: Dialect, now: () => string) {
    this.runs = new WorkflowRuns(db, now);
    this.inbox = new WorkflowInbox(db, now);
    this.streaks = new WorkflowStreaks(db, now);
    this.alerts = new WorkflowAlerts(db, now);
    this.approvals = new WorkflowApprovals(db, now);
    this.schedules = new WorkflowSchedules(db, now);
    this.leases = new WorkflowLeases(db, now);
    this.recordEvents = new RecordEventOutbox(db, now);
  }
}
