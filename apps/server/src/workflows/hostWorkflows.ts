import type { Store } from '@formboard/storage';
import { createWorkflowEngine, type OutboundPort, type WorkflowEngine } from '@formboard/workflow';
import type { EventBus } from '../events/ChangeEvent.ts';
import { announcedStore } from './announcedStore.ts';
import { type WorkflowSettings, workflowSettings } from './workflowSettings.ts';

/** Where the host reports problems: Fastify's logger, or any with these two methods. */
export interface WorkflowLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** A running engine: stop it before closing the store. */
export interface WorkflowHost {
  readonly engine: WorkflowEngine;
  /** Runs a tick that starts after this call (after the one running, if any); resolves when it is done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the workflow engine in this process: committed record changes start runs — every record write
 * a published workflow listens to leaves an event in the store's outbox in its own transaction, and
 * the event bus (any server's write, by NOTIFY on PostgreSQL) only wakes the engine to take it, so a
 * change is never lost to a crash or a missed notification (the tick takes whatever is left) — and a
 * tick (every minute by default; once at start, never overlapping) fires schedules, judges metric
 * streaks and resumes runs a crash or a failed call left behind. Several processes may host it on
 * one PostgreSQL database: leases in the database give each run, schedule occurrence and metric
 * period to one of them (on SQLite, one process serves the file). `stop()` waits for the work in
 * flight; a crash instead leaves leases that run out after `leaseMs`.
 */
export function hostWorkflows(
  options: {
    store: Store;
    bus: EventBus;
    outbound: OutboundPort;
    log: WorkflowLog;
    /** The engine's time (default: the real time; a test clock in end-to-end tests). */
    clock?: () => number;
  } & Partial<WorkflowSettings>,
): WorkflowHost {
  const { store, bus, outbound, log, clock = Date.now, ...given } = options;
  const settings = workflowSettings(given);
  const engine = createWorkflowEngine({
    store: announcedStore(store, bus, log),
    clock: { now: () => new Date(clock()) },
    outbound,
    leaseMs: settings.leaseMs,
    ...(settings.node === undefined ? {} : { holder: settings.node }),
  });
  const fail = (what: string) => (error: unknown) => log.error({ err: error }, what);
  // A named node first takes back what its crashed predecessor held; nothing starts before that.
  const ready =
    settings.node === undefined
      ? Promise.resolve()
      : engine.reclaim().then(() => undefined, fail('workflow lease reclaim failed'));
  const inFlight = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  // One drain at a time runs in the engine; a wake-up while it runs makes it look again.
  const drain = () =>
    track(ready.then(() => engine.drainRecordEvents()).catch(fail('workflow trigger failed')));
  const unsubscribe = bus.subscribe((event) => {
    if (event.type !== 'import.progress' && !event.byWorkflow) drain();
  });
  let running: Promise<void> | undefined;
  const tick = (): Promise<void> => {
    running ??= ready
      .then(() => engine.tick())
      .then((report) => {
        for (const problem of report.problems) log.warn({ problem }, 'workflow problem');
      })
      .catch(fail('workflow tick failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  tick();
  const timer = setInterval(tick, settings.tickMs);
  return {
    engine,
    async tick() {
      await running;
      await tick();
    },
    async stop() {
      clearInterval(timer);
      unsubscribe();
      await running;
      await Promise.all(inFlight);
    },
  };
}
