import { DEFAULT_TIME_ZONE } from '@formboard/schema';
import { type Store, StoreError } from '@formboard/storage';
import { Cron } from 'croner';
import type { PublishedWorkflow } from '../definitions.ts';
import { StepFailed } from '../steps/StepFailed.ts';

/**
 * The latest occurrence of a five-field cron expression at or before `now`, read in a time zone
 * (weekdays and days of month OR-ed, as in Vixie cron); null when there is none.
 */
export function latestOccurrence(cron: string, timeZone: string, now: Date): Date | null {
  let schedule: Cron;
  try {
    schedule = new Cron(cron, { timezone: timeZone, mode: '5-part' });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    throw new StepFailed({
      'zh-CN': `cron 表达式 ${cron} 无效：${text}`,
      en: `invalid cron ${cron}: ${text}`,
    });
  }
  // previousRuns leaves out an occurrence at exactly the reference instant: look from 1 ms later.
  return schedule.previousRuns(1, new Date(now.getTime() + 1))[0] ?? null;
}

/**
 * Fires a schedule workflow's due occurrence, at most one per tick. The cursor (the last occurrence
 * handled) moves with the run in one transaction, so a second tick in the same minute, a restart or a
 * second process finds nothing to fire. The first tick that sees a workflow only sets its cursor to
 * now: occurrences before that are not fired. Catch-up: after an outage only the latest missed
 * occurrence fires, once; earlier missed ones are skipped. Returns the run started, if any.
 */
export async function fireSchedule(
  store: Store,
  workflow: PublishedWorkflow,
  now: Date,
  newId: () => string,
): Promise<string | null> {
  const trigger = workflow.definition.trigger;
  if (trigger.type !== 'schedule') return null;
  const timeZone = trigger.timeZone ?? DEFAULT_TIME_ZONE;
  const cursor = await store.workflows.schedules.cursor(workflow.id);
  const occurrence = latestOccurrence(trigger.cron, timeZone, now)?.toISOString();
  if (cursor !== undefined && (occurrence === undefined || occurrence <= cursor)) return null;
  const id = newId();
  const run =
    cursor === undefined || occurrence === undefined
      ? null
      : {
          id,
          workflowId: workflow.id,
          workflowVersion: workflow.version,
          eventKey: `schedule:${occurrence}`,
          stepId: workflow.definition.start,
          context: {
            data: {},
            variables: { run: { id, startedAt: now.toISOString(), scheduledAt: occurrence } },
            timeZone,
          },
        };
  try {
    await store.workflows.schedules.fire({
      workflowId: workflow.id,
      previousAt: cursor ?? null,
      at: run ? (occurrence as string) : now.toISOString(),
      run,
    });
  } catch (error) {
    // Another tick or process handled this occurrence first.
    if (error instanceof StoreError && error.code === 'conflict') return null;
    throw error;
  }
  return run ? id : null;
}
