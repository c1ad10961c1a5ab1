import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidRecordError, type Store } from '../../src/index.ts';
import { type Json, type StoreHarness, scorecard } from './storeConformance.ts';

const row = (employee: string, score: number, extra: Json = {}): Json => ({
  employee,
  period: '2026-11-01',
  status: 'submitted',
  kpis: [{ name: '交付准时率', weight: 100, target: 100, actual: score }],
  score,
  ...extra,
});

/** Record behaviour every Store implementation must have. */
export function describeRecordConformance(name: string, harness: StoreHarness): void {
  describe(`Record conformance: ${name}`, () => {
    let store: Store;
    let raw: (sql: string) => Promise<void>;

    beforeEach(async () => {
      ({ store, raw } = await harness.open());
      await store.definitions.create(scorecard(), { author: 'hr' });
    });
    afterEach(async () => {
      await store.close();
    });

    it('enters records against the published version only', async () => {
      await expect(
        store.records.insert('kpi-scorecard', row('u1', 90), { actor: 'u1' }),
      ).rejects.toMatchObject({ code: 'state' });
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      const record = await store.records.insert('kpi-scorecard', row('u1', 90), {
        actor: 'u1',
        orgUnitId: 'ou-1',
      });
      expect(record).toMatchObject({
        formId: 'kpi-scorecard',
        formVersion: 1,
        revision: 1,
        ownerId: 'u1',
        orgUnitId: 'ou-1',
        deletedAt: null,
      });
      expect(await store.records.get(record.id)).toEqual(record);
    });

    it('validates on the server with the form’s rules and writes nothing when invalid', async () => {
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      const error = await store.records
        .insert('kpi-scorecard', { period: 'not a date', kpis: [] }, { actor: 'u1' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRecordError);
      expect((error as InvalidRecordError).issues.map((i) => [i.path, i.keyword])).toEqual([
        ['employee', 'required'],
        ['kpis', 'minItems'],
        ['period', 'format'],
      ]);
      expect((await store.records.list('kpi-scorecard')).total).toBe(0);
    });

    it('keeps every change in the history and refuses stale updates', async () => {
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      const record = await store.records.insert('kpi-scorecard', row('u1', 70), { actor: 'u1' });
      const updated = await store.records.update(record.id, row('u1', 95, { comment: '好' }), {
        actor: 'boss',
        baseRevision: 1,
      });
      expect(updated).toMatchObject({ revision: 2, updatedBy: 'boss' });
      await expect(
        store.records.update(record.id, row('u1', 10), { actor: 'x', baseRevision: 1 }),
      ).rejects.toMatchObject({ code: 'conflict' });
      await store.records.delete(record.id, { actor: 'boss' });
      expect((await store.records.get(record.id)).deletedAt).not.toBeNull();
      const history = await store.records.history(record.id);
      expect(history.map((h) => [h.revision, h.operation, h.changedBy, h.data.score])).toEqual([
        [1, 'create', 'u1', 70],
        [2, 'update', 'boss', 95],
        [3, 'delete', 'boss', 95],
      ]);
      await expect(raw("UPDATE record_history SET changed_by = 'x'")).rejects.toThrow(/append-only/);
      const audit = await store.audit({ entityId: record.id });
      expect(audit.map((e) => e.action)).toEqual(['record.delete', 'record.update', 'record.create']);
      expect(audit[1]?.summary).toMatchObject({ changed: ['comment', 'kpis', 'score'] });
    });

    it('validates updates against the version a record was entered with', async () => {
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      const record = await store.records.insert('kpi-scorecard', row('u1', 70), { actor: 'u1' });
      const v2 = scorecard() as { data: { required: string[]; properties: Json } };
      v2.data.properties.site = { type: 'string' };
      v2.data.required = [...v2.data.required, 'site'];
      await store.definitions.save('kpi-scorecard', v2, { baseVersion: 1, author: 'hr' });
      await store.definitions.publish('kpi-scorecard', 2, { author: 'hr' });
      expect((await store.records.update(record.id, row('u1', 80), { actor: 'u1' })).formVersion).toBe(1);
      await expect(
        store.records.insert('kpi-scorecard', row('u2', 80), { actor: 'u2' }),
      ).rejects.toBeInstanceOf(InvalidRecordError);
    });

    it('imports many records in one transaction, all or nothing, naming bad rows', async () => {
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      const error = await store.records
        .insertMany('kpi-scorecard', [row('u1', 1), row('u2', 2), { ...row('u3', 3), status: 'nope' }], {
          actor: 'hr',
        })
        .catch((e: unknown) => e);
      expect((error as InvalidRecordError).issues).toEqual([
        expect.objectContaining({ row: 3, path: 'status', keyword: 'enum' }),
      ]);
      expect((await store.records.list('kpi-scorecard')).total).toBe(0);
      const created = await store.records.insertMany('kpi-scorecard', [row('u1', 1), row('u2', 2)], {
        actor: 'hr',
      });
      expect(created).toHaveLength(2);
      expect((await store.audit({ entityId: 'kpi-scorecard' }))[0]).toMatchObject({
        action: 'record.import',
        summary: { count: 2 },
      });
    });

    it('lists with a formula filter, sorting, paging and owner scope', async () => {
      await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
      for (const [owner, score] of [
        ['张三', 55],
        ['李四', 90],
        ['王五', 72],
        ['赵六', 40],
      ] as const) {
        await store.records.insert('kpi-scorecard', row(owner, score), { actor: owner });
      }
      const low = await store.records.list('kpi-scorecard', {
        filter: 'score < 60',
        sort: [{ field: 'score' }],
      });
      expect(low.total).toBe(2);
      expect(low.records.map((r) => r.data.score)).toEqual([40, 55]);
      const page = await store.records.list('kpi-scorecard', {
        sort: [{ field: 'score', direction: 'desc' }],
        limit: 2,
        offset: 1,
      });
      expect(page.records.map((r) => r.data.score)).toEqual([72, 55]);
      expect(
        (await store.records.list('kpi-scorecard', { ownerIds: ['李四'] })).records.map((r) => r.ownerId),
      ).toEqual(['李四']);
      expect((await store.records.list('kpi-scorecard', { limit: 3 })).total).toBe(4);
      const inDatabase = await store.records.list('kpi-scorecard', {
        filter: 'score >= 55 AND NOT(ISBLANK(employee))',
        limit: 1,
      });
      expect(inDatabase.total).toBe(3);
      expect(inDatabase.records).toHaveLength(1);
      const inMemory = await store.records.list('kpi-scorecard', {
        filter: 'LEN(employee) = 2 AND score > 60',
      });
      expect(inMemory.records.map((r) => r.ownerId).sort()).toEqual(['李四', '王五']);
      await expect(store.records.list('kpi-scorecard', { filter: 'scroe < 60' })).rejects.toThrow(
        /did you mean score/,
      );
    });
  });
}
