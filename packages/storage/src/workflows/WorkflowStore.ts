import type { Dialect } from '../dialect/Dialect.ts';
import { WorkflowAlerts } from './WorkflowAlerts.ts';
import { WorkflowInbox } from './WorkflowInbox.ts';
import { WorkflowRuns } from './WorkflowRuns.ts';
import { WorkflowStreaks } from './WorkflowStreaks.ts';

/** What the workflow engine keeps: runs and their effects, the inbox, metric streaks and alerts. */
export class WorkflowStore {
  readonly runs: WorkflowRuns;
  readonly inbox: WorkflowInbox;
  readonly streaks: WorkflowStreaks;
  readonly alerts: WorkflowAlerts;

  constructor(db: Dialect, now: () => string) {
    this.runs = new WorkflowRuns(db, now);
    this.inbox = new WorkflowInbox(db, now);
    this.streaks = new WorkflowStreaks(db, now);
    this.alerts = new WorkflowAlerts(db, now);
  }
}
