import { join } from 'node:path';
import { openStore } from '@formboard/storage';
import { createWorkflowEngine } from '@formboard/workflow';
import { seed } from './eventLag.ts';

/** What the engine asked of the store to walk the runs of some record events. */
export interface StoreCalls {
  readonly events: number;
  readonly runs: number;
  /** Calls per event (its two runs), by store method (`records.get`, `workflows.runs.beginEffect`, …), most first. */
  readonly perEvent: readonly { readonly method: string; readonly calls: number }[];
}

type Method = (...args: unknown[]) => unknown;

/**
 * The store as the engine sees it, counting each call it makes by method path. Calls the store makes
 * inside itself (an update reading the record first) are not counted: the engine's own are.
 */
function counting<T extends object>(target: T, path: string, counts: Map<string, number>): T {
  return new Proxy(target, {
    get(object, key) {
      const value: unknown = Reflect.get(object, key, object);
      if (typeof key !== 'string') return value;
      if (typeof value === 'function')
        return (...args: unknown[]) => {
          counts.set(`${path}${key}`, (counts.get(`${path}${key}`) ?? 0) + 1);
          return (value as Method).apply(object, args);
        };
      if (value !== null && typeof value === 'object') return counting(value, `${path}${key}.`, counts);
      return value;
    },
  });
}

/**
 * The store calls behind the event-lag run's workflows, counted in process (no timing, so no noise):
 * `events` reports on the bench's first form, each starting two of its workflows (one with a record
 * update), taken from the outbox and walked by the engine with an outbound port that answers at once.
 * The server's own outbound port adds its reads of the connector and the allow-list (at once, one
 * wait) per call.
 */
export async function countStoreCalls(dir: string, events: number): Promise<StoreCalls> {
  const store = await openStore({ database: join(dir, 'calls.db') });
  try {
    await seed(store, 'http://127.0.0.1:9/hook');
    for (let n = 0; n < events; n++)
      await store.records.insert('report-a', { n, score: n % 100 }, { actor: 'report-a-user' });
    const counts = new Map<string, number>();
    const engine = createWorkflowEngine({
      store: counting(store, '', counts),
      clock: { now: () => new Date() },
      outbound: { send: async () => undefined },
    });
    const { started } = await engine.drainRecordEvents();
    const perEvent = [...counts]
      .map(([method, calls]) => ({ method, calls: calls / events }))
      .sort((a, b) => b.calls - a.calls || a.method.localeCompare(b.method));
    return { events, runs: started, perEvent };
  } finally {
    await store.close();
  }
}
