import type { Store } from '@formboard/storage';
import { createWorkflowEngine, type OutboundPort, type WorkflowEngine } from '@formboard/workflow';
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../events/ChangeEvent.ts';

const TICK_MS = 60_000;

/** A running engine: stop it before closing the store. */
export interface WorkflowHost {
  readonly engine: WorkflowEngine;
  stop(): Promise<void>;
}

/**
 * Runs the workflow engine in this process: committed record changes from the event bus start runs,
 * and a tick every minute (once at start, never overlapping) judges metric streaks and resumes runs
 * a crash or a failed call left behind. With PostgreSQL, host it in one process only (see
 * docs/operations.md) until the engine has leases.
 */
export function hostWorkflows(options: {
  store: Store;
  bus: EventBus;
  outbound: OutboundPort;
  log: FastifyBaseLogger;
  tickMs?: number;
}): WorkflowHost {
  const engine = createWorkflowEngine({
    store: options.store,
    clock: { now: () => new Date() },
    outbound: options.outbound,
  });
  const fail = (what: string) => (error: unknown) => options.log.error({ err: error }, what);
  const unsubscribe = options.bus.subscribe((event) => {
    if (event.type !== 'record.created' && event.type !== 'record.updated' && event.type !== 'record.deleted')
      return;
    const type =
      event.type === 'record.created' ? 'created' : event.type === 'record.updated' ? 'updated' : 'deleted';
    engine.recordChanged({ type, recordId: event.recordId }).catch(fail('workflow trigger failed'));
  });
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= engine
      .tick()
      .then((report) => {
        for (const problem of report.problems) options.log.warn({ problem }, 'workflow problem');
      })
      .catch(fail('workflow tick failed'))
      .finally(() => {
        running = undefined;
      });
  };
  tick();
  const timer = setInterval(tick, options.tickMs ?? TICK_MS);
  return {
    engine,
    async stop() {
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
