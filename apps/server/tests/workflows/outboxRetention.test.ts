import { openStore, type Store } from '@formboard/storage';
import { afterEach, describe, expect, it } from 'vitest';
import { keepOutboxBounded } from '../../src/workflows/outboxRetention.ts';
import { workflowSettings } from '../../src/workflows/workflowSettings.ts';
import { BACKENDS, freshDatabase, seedTestStore } from '../support/testServer.ts';
import { followUpWorkflow, publish } from './support/processWorld.ts';

const DAY = 86_400_000;

// With no server running the engine, record events for a published workflow wait in the outbox.
// Every server drops the ones older than the retention (14 days by default) and says how many.
describe.each(BACKENDS)('the record outbox stays bounded without an engine (%s)', (backend) => {
  let store: Store;
  afterEach(() => store.close());

  it('drops the events nobody took within the retention, logging how many, and keeps the rest', async () => {
    let time = Date.parse('2026-10-01T01:00:00Z');
    store = await openStore({
      database: await freshDatabase(backend),
      now: () => new Date(time).toISOString(),
    });
    await seedTestStore(store);
    await publish(store, followUpWorkflow());
    const checkIn = (progress: number) =>
      store.records.insert(
        'checkin',
        { week: '2026-09-28', progress },
        { actor: 'member', ownerId: 'member' },
      );
    for (const progress of [10, 20, 30]) await checkIn(progress);
    time += 15 * DAY;
    await checkIn(40);
    const warnings: object[] = [];
    const log = { warn: (details: object) => void warnings.push(details), error: () => undefined };
    const retention = keepOutboxBounded({ store, log, clock: () => time });
    expect(await retention.prune()).toBe(3);
    expect(await store.workflows.recordEvents.pending()).toBe(1);
    expect(warnings).toEqual([{ pruned: 3, before: new Date(time - 14 * DAY).toISOString(), days: 14 }]);
    // Nothing more is old enough: nothing to say.
    expect(await retention.prune()).toBe(0);
    expect(warnings).toHaveLength(1);
    await retention.stop();
  });
});

describe('outbox retention setting', () => {
  it('reads the days from FORMBOARD_OUTBOX_RETENTION_DAYS, 14 by default', () => {
    expect(workflowSettings({}, {}).outboxRetentionDays).toBe(14);
    expect(workflowSettings({}, { FORMBOARD_OUTBOX_RETENTION_DAYS: '3' }).outboxRetentionDays).toBe(3);
    expect(workflowSettings({}, { FORMBOARD_OUTBOX_RETENTION_DAYS: 'soon' }).outboxRetentionDays).toBe(14);
  });
});
