import type { Store } from '@formboard/storage';
import type { WorkflowLog } from './hostWorkflows.ts';
import { workflowSettings } from './workflowSettings.ts';

const DAY_MS = 86_400_000;
// The first look a minute after start (a server restarted daily still looks), then hourly.
const FIRST_MS = 60_000;
const EVERY_MS = 3_600_000;

/** The outbox's keeper: `prune()` looks now; `stop()` ends the timer. */
export interface OutboxRetention {
  prune(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Keeps the store's record-event outbox bounded, in every server whether it runs the workflow engine
 * or not: an event waits there only while a published workflow listens to its change and no engine
 * has taken it — normally milliseconds. When no server runs the engine (`--workflows off` on all of
 * them), events older than `days` (FORMBOARD_OUTBOX_RETENTION_DAYS, 14) are deleted, and how many is
 * logged as a warning: those changes will never start their workflows.
 */
export function keepOutboxBounded(options: {
  store: Store;
  log: WorkflowLog;
  /** The server's time (default: the real time; a test clock in end-to-end tests). */
  clock?: () => number;
  days?: number;
}): OutboxRetention {
  const { store, log, clock = Date.now } = options;
  const days = options.days ?? workflowSettings({}).outboxRetentionDays;
  let running: Promise<number> | undefined;
  const prune = (): Promise<number> => {
    running ??= (async () => {
      const before = new Date(clock() - days * DAY_MS).toISOString();
      const pruned = await store.workflows.recordEvents.prune(before);
      if (pruned > 0)
        log.warn(
          { pruned, before, days },
          'record events no workflow engine took were dropped from the outbox (is any server running workflows?)',
        );
      return pruned;
    })()
      .catch((error: unknown) => {
        log.error({ err: error }, 'record outbox pruning failed');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  let timer = setTimeout(function again() {
    void prune();
    timer = setTimeout(again, EVERY_MS).unref();
  }, FIRST_MS).unref();
  return {
    prune,
    async stop() {
      clearTimeout(timer);
      await running;
    },
  };
}
