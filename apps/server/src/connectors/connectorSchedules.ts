import { randomUUID } from 'node:crypto';
import type { Store } from '@formboard/storage';
import { latestOccurrence } from '@formboard/workflow';
import type { EventBus } from '../events/ChangeEvent.ts';
import type { SecretBox } from '../outbound/secretBox.ts';
import type { WorkflowLog } from '../workflows/hostWorkflows.ts';
import { runStoredConnector } from './runStoredConnector.ts';

/** How long one server may hold a connector's scheduled run before another may take it over. */
const LEASE_MS = 10 * 60_000;

const cursorKey = (id: string) => `connectorSchedule.${id}`;

/** A running scheduler: `tick()` runs what is due now (tests); `stop()` waits for the run in flight. */
export interface ConnectorScheduler {
  tick(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs connectors on their schedule (cron in a time zone): each tick, a connector whose latest
 * occurrence is past the one it last handled runs once. A lease in the database lets one server of
 * several take it, and the handled occurrence (a setting) moves only after the run, so a crash runs
 * it again (rows with a dedupe field then update, not duplicate). An occurrence already past when a
 * connector is first seen is not run: the next one is.
 */
export function scheduleConnectors(options: {
  readonly store: Store;
  readonly box: SecretBox | undefined;
  readonly bus: EventBus;
  readonly log: WorkflowLog;
  readonly clock?: () => number;
  readonly tickMs?: number;
}): ConnectorScheduler {
  const { store, box, bus, log, clock = Date.now, tickMs = 60_000 } = options;
  const holder = `connectors:${randomUUID()}`;

  async function runIfDue(
    id: string,
    schedule: { cron: string; timeZone: string },
    formId: string,
    runAs: string,
  ) {
    const now = new Date(clock());
    const occurrence = latestOccurrence(schedule.cron, schedule.timeZone, now)?.toISOString();
    if (!occurrence) return;
    const handled = (await store.connectors.setting(cursorKey(id))) as string | undefined;
    if (handled === undefined) return store.connectors.setSetting(cursorKey(id), occurrence, holder);
    if (occurrence <= handled) return;
    const lease = `connector-schedule:${id}`;
    const until = new Date(now.getTime() + LEASE_MS).toISOString();
    if (!(await store.workflows.leases.acquire(lease, holder, now.toISOString(), until))) return;
    try {
      // Another server may have run it between our read and our lease.
      if (((await store.connectors.setting(cursorKey(id))) as string) >= occurrence) return;
      const run = await runStoredConnector(store, box, id, 'schedule');
      await store.connectors.setSetting(cursorKey(id), occurrence, holder);
      if (run.status === 'ok')
        await bus.publish({
          type: 'records.imported',
          formId,
          recordId: '',
          ownerId: runAs,
          orgUnitId: null,
        });
    } finally {
      await store.workflows.leases.release(lease, holder);
    }
  }

  async function tick(): Promise<void> {
    for (const connector of await store.connectors.list()) {
      const config = connector.config as {
        schedule?: { cron: string; timeZone: string };
        formId: string;
        runAs: string;
      };
      if (connector.disabled || !config.schedule) continue;
      await runIfDue(connector.id, config.schedule, config.formId, config.runAs).catch((error: unknown) =>
        log.error({ err: error, connector: connector.id }, 'scheduled connector run failed'),
      );
    }
  }

  let running: Promise<void> | undefined;
  const next = () => {
    running ??= tick().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void next(), tickMs);
  return {
    async tick() {
      await running;
      await next();
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
