import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/index.ts';
import type { StoreHarness } from './storeConformance.ts';

/** Settings, connectors and their runs, the same on every Store implementation. */
export function describeConnectorConformance(name: string, harness: StoreHarness): void {
  describe(`Connector conformance: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      ({ store } = await harness.open());
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps settings as JSON and audits each change with the value before', async () => {
      expect(await store.connectors.setting('outbound.allowedHosts')).toBeUndefined();
      await store.connectors.setSetting('outbound.allowedHosts', [{ host: 'erp.example.com' }], 'admin');
      await store.connectors.setSetting(
        'outbound.allowedHosts',
        [{ host: 'erp.example.com' }, { host: 'crm.example.com' }],
        'admin',
      );
      expect(await store.connectors.setting('outbound.allowedHosts')).toHaveLength(2);
      const [latest] = await store.audit({ entityType: 'setting' });
      expect(latest?.summary).toEqual({
        before: [{ host: 'erp.example.com' }],
        after: [{ host: 'erp.example.com' }, { host: 'crm.example.com' }],
      });
    });

    it('saves connectors, keeps sealed secrets unless replaced, and never audits them', async () => {
      const config = { formId: 'checkin', url: 'https://erp.example.com/api', rowsPath: 'data' };
      await store.connectors.save({ id: 'erp', name: 'ERP', config, sealedSecrets: 'v1.sealed' }, 'admin');
      const renamed = await store.connectors.save({ id: 'erp', name: 'ERP 周进度', config }, 'admin');
      expect(renamed).toMatchObject({
        name: 'ERP 周进度',
        sealedSecrets: 'v1.sealed',
        config,
        createdBy: 'admin',
      });
      expect((await store.connectors.list()).map((c) => c.id)).toEqual(['erp']);
      expect(JSON.stringify(await store.audit({ entityType: 'connector' }))).not.toContain('v1.sealed');
      await expect(store.connectors.get('nope')).rejects.toMatchObject({ code: 'notFound' });
    });

    it('records runs from start to finish, newest first', async () => {
      await store.connectors.save({ id: 'erp', name: 'ERP', config: {} }, 'admin');
      const first = await store.connectors.startRun('erp', 'manual');
      await store.connectors.finishRun(first.id, 'ok', { fetched: 3, inserted: 3 });
      // Runs are ordered by their start time; two started in the same millisecond have no order.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = await store.connectors.startRun('erp', 'schedule');
      await store.connectors.finishRun(second.id, 'failed', { error: 'HTTP 500' });
      const runs = await store.connectors.runs('erp');
      expect(runs.map((r) => [r.trigger, r.status, r.result])).toEqual([
        ['schedule', 'failed', { error: 'HTTP 500' }],
        ['manual', 'ok', { fetched: 3, inserted: 3 }],
      ]);
      expect(runs[0]?.finishedAt).not.toBeNull();
    });
  });
}
