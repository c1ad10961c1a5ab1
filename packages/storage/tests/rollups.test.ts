import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openStore, RollupInvalidError, type Store, type StoredRecord } from '../src/index.ts';
import { keyResultForm, objectiveDeriver, objectiveForm } from './rollups/rollupForms.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

type Json = Record<string, unknown>;

/** A workflow that hears updates of objectives (so their revisions leave outbox events). */
const objectiveWatcher: Json = {
  kind: 'workflow',
  id: 'watch-objectives',
  schemaVersion: 1,
  title: { 'zh-CN': '目标变化', en: 'Objective changes' },
  trigger: { type: 'record', form: 'objective', events: ['updated'] },
  start: 'tell',
  steps: [{ id: 'tell', type: 'notify', channel: 'inbox', to: [{ type: 'user', id: 'lead' }], message: 'x' }],
};

// Roll-ups kept by the store on both databases: the records a key result points at follow its
// creation, change, move and deletion in the same transaction, as new revisions seen by history,
// typed tables, the outbox and listeners; concurrent writers never lose each other's change.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`roll-ups: ${database}`, () => {
    let url: string;
    let store: Store;
    let rolled: StoredRecord[][];
    const open = () => openStore({ database: url, recordDeriver: objectiveDeriver });
    const publish = async (definition: Json) => {
      const id = String(definition.id);
      const info = await store.definitions.getInfo(id).catch(() => undefined);
      const saved = info
        ? await store.definitions.save(id, definition, { baseVersion: info.headVersion, author: 'designer' })
        : await store.definitions.create(definition, { author: 'designer' });
      await store.definitions.publish(id, saved.version, { author: 'designer' });
    };
    const objective = (title: string, parent?: StoredRecord, extra: Json = {}) =>
      store.records.insert(
        'objective',
        { title, ...(parent ? { parent: parent.id } : {}), ...extra },
        { actor: 'lead' },
      );
    const kr = (o: StoredRecord, weight: number, progress: number, lastCheckIn = '2026-11-20') =>
      store.records.insert(
        'key-result',
        { objective: o.id, title: `KR ${weight}`, weight, progress, lastCheckIn },
        { actor: 'worker' },
      );
    const data = async (record: StoredRecord) => (await store.records.get(record.id)).data;
    const revision = async (record: StoredRecord) => (await store.records.get(record.id)).revision;

    beforeEach(async () => {
      url =
        database === 'PostgreSQL' ? await freshPostgresDatabase(inject('postgresUrl')) : freshSqliteFile();
      store = await open();
      await publish(objectiveForm());
      await publish(keyResultForm());
      rolled = [];
      store.records.onRolledUp((records) => rolled.push([...records]));
    });
    afterEach(async () => {
      await store.close();
    });

    it('rolls key results up into their objective as they are created, changed and deleted', async () => {
      const o = await objective('交付准时', undefined, { progress: 0.9, krCount: 7 });
      // Nothing points at a new objective: what its writer sent is replaced.
      expect(o.data).toEqual({ title: '交付准时', krCount: 0, childKrs: 0, subtreeKrs: 0 });
      const a = await kr(o, 40, 0.5, '2026-11-13');
      expect(await data(o)).toEqual({
        title: '交付准时',
        progress: 0.5,
        krCount: 1,
        lastCheckIn: '2026-11-13',
        childKrs: 0,
        subtreeKrs: 1,
        health: 'atRisk',
      });
      const b = await kr(o, 60, 1, '2026-11-20');
      expect(await data(o)).toMatchObject({
        progress: 0.8,
        krCount: 2,
        lastCheckIn: '2026-11-20',
        health: 'onTrack',
      });
      await store.records.update(b.id, { ...b.data, progress: 0 }, { actor: 'worker' });
      expect((await data(o)).progress).toBeCloseTo(0.2, 12);
      await store.records.delete(a.id, { actor: 'worker' });
      expect(await data(o)).toMatchObject({ progress: 0, krCount: 1, lastCheckIn: '2026-11-20' });
      await store.records.delete(b.id, { actor: 'worker' });
      expect(await data(o)).toEqual({ title: '交付准时', krCount: 0, childKrs: 0, subtreeKrs: 0 });
      // One revision per change that moved it, each in the history, by whoever made the change.
      const history = await store.records.history(o.id);
      expect(history.map((h) => [h.operation, h.changedBy, h.data.progress])).toEqual([
        ['create', 'lead', undefined],
        ['update', 'worker', 0.5],
        ['update', 'worker', 0.8],
        ['update', 'worker', expect.closeTo(0.2, 12)],
        ['update', 'worker', 0],
        ['update', 'worker', undefined],
      ]);
      expect(rolled.map((records) => records.map((r) => [r.id, r.revision]))).toEqual(
        [2, 3, 4, 5, 6].map((n) => [[o.id, n]]),
      );
      const audit = await store.audit({ entityId: o.id });
      expect(audit.filter((e) => e.action === 'record.rollup')).toHaveLength(5);
      expect(audit[0]?.summary).toEqual({
        formId: 'objective',
        count: 1,
        fields: ['krCount', 'lastCheckIn', 'progress'],
      });
    });

    it('writes no revision when a change moves no roll-up', async () => {
      const o = await objective('质量');
      const a = await kr(o, 100, 0.3);
      const before = await revision(o);
      await store.records.update(a.id, { ...a.data, title: '一次合格率' }, { actor: 'worker' });
      expect(await revision(o)).toBe(before);
      expect(rolled).toHaveLength(1);
    });

    it('moves a key result: both objectives follow', async () => {
      const from = await objective('旧');
      const to = await objective('新');
      const a = await kr(from, 50, 0.4);
      await kr(to, 50, 0.8);
      await store.records.update(a.id, { ...a.data, objective: to.id }, { actor: 'worker' });
      expect(await data(from)).toEqual({ title: '旧', krCount: 0, childKrs: 0, subtreeKrs: 0 });
      expect(await data(to)).toMatchObject({ krCount: 2 });
      expect((await data(to)).progress).toBeCloseTo(0.6, 12);
    });

    it('keeps an objective’s roll-ups when someone edits it', async () => {
      const o = await objective('交付');
      await kr(o, 100, 0.25);
      const current = await store.records.get(o.id);
      const edited = await store.records.update(
        o.id,
        { ...current.data, title: '交付准时率 95%', progress: 1, krCount: 9 },
        { actor: 'lead', baseRevision: current.revision },
      );
      expect(edited.data).toMatchObject({ title: '交付准时率 95%', progress: 0.25, krCount: 1 });
      // A key result's change is a revision like any other: an edit based on the one before conflicts.
      await kr(o, 100, 0.75);
      await expect(
        store.records.update(
          o.id,
          { ...edited.data, title: 'x' },
          { actor: 'lead', baseRevision: edited.revision },
        ),
      ).rejects.toMatchObject({ code: 'conflict' });
    });

    it('climbs the tree of objectives, each objective rewritten once per write', async () => {
      const company = await objective('公司');
      const team = await objective('团队', company);
      const person = await objective('个人', team);
      expect(await data(company)).toMatchObject({ childKrs: 0, subtreeKrs: 0 });
      const revisions = await Promise.all([company, team, person].map(revision));
      await kr(person, 100, 0.5);
      expect(await data(person)).toMatchObject({ krCount: 1, childKrs: 0, subtreeKrs: 1 });
      expect(await data(team)).toMatchObject({ krCount: 0, childKrs: 1, subtreeKrs: 1 });
      expect(await data(company)).toMatchObject({ krCount: 0, childKrs: 1, subtreeKrs: 1 });
      expect(await Promise.all([company, team, person].map(revision))).toEqual(revisions.map((r) => r + 1));
      // A bulk load touching every level at once still rewrites each objective once, leaves first.
      await store.records.insertMany(
        'key-result',
        [company, team, person, person].map((o, i) => ({
          objective: o.id,
          title: `KR ${i}`,
          weight: 1,
          progress: 1,
        })),
        { actor: 'import' },
      );
      expect(await data(company)).toMatchObject({ krCount: 1, childKrs: 4, subtreeKrs: 5 });
      expect(await data(team)).toMatchObject({ krCount: 1, childKrs: 3, subtreeKrs: 4 });
      expect(await Promise.all([company, team, person].map(revision))).toEqual(revisions.map((r) => r + 2));
      // Moving a subtree moves its key results out of the old parent's total.
      const other = await objective('另一团队', company);
      const moved = await store.records.get(person.id);
      await store.records.update(person.id, { ...moved.data, parent: other.id }, { actor: 'lead' });
      expect(await data(team)).toMatchObject({ childKrs: 0, subtreeKrs: 1 });
      expect(await data(other)).toMatchObject({ childKrs: 3, subtreeKrs: 3 });
      expect(await data(company)).toMatchObject({ childKrs: 4, subtreeKrs: 5 });
    });

    it('ends its writes when objectives point at each other', async () => {
      const a = await objective('甲');
      const b = await objective('乙', a);
      await store.records.update(a.id, { ...(await data(a)), parent: b.id }, { actor: 'lead' });
      const before = await Promise.all([a, b].map(revision));
      await kr(a, 1, 1);
      await kr(b, 1, 1);
      expect(await data(a)).toMatchObject({ krCount: 1 });
      expect(await data(b)).toMatchObject({ krCount: 1 });
      // Each write recomputes each of them at most once.
      const after = await Promise.all([a, b].map(revision));
      expect(after.map((r, i) => r - (before[i] ?? 0)).filter((added) => added > 2)).toEqual([]);
    });

    it('fails the write when the roll-up would leave the objective invalid', async () => {
      await publish(objectiveForm(undefined, 1));
      const o = await objective('最多一个关键结果');
      await kr(o, 1, 0.5);
      const error = await kr(o, 1, 0.5).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RollupInvalidError);
      expect((error as RollupInvalidError).messages.en).toContain('krCount');
      expect((await store.records.list('key-result')).total).toBe(1);
      expect(await data(o)).toMatchObject({ krCount: 1 });
    });

    it('feeds the typed table boards read, and the outbox of workflows that listen', async () => {
      await publish(objectiveWatcher);
      const o = await objective('看板');
      await store.workflows.recordEvents.take({ limit: 100, wants: () => true, plan: () => [] });
      await kr(o, 1, 0.4);
      const events: Json[] = [];
      await store.workflows.recordEvents.take({
        limit: 100,
        wants: () => true,
        plan: (taken) => {
          events.push(...taken.map((e) => ({ form: e.formId, op: e.operation, progress: e.data.progress })));
          return [];
        },
      });
      expect(events).toContainEqual({ form: 'objective', op: 'update', progress: 0.4 });
      const rows = await store.queries.run({
        source: 'objective',
        measures: [{ id: 'p', op: 'avg', field: 'progress' }],
      });
      expect(rows).toEqual([{ p: 0.4 }]);
    });

    it('rolls up every existing record when a form’s roll-ups are published', async () => {
      await publish(objectiveForm([]));
      const o = await objective('先有记录');
      await kr(o, 1, 0.3);
      await kr(o, 3, 0.7);
      expect(await data(o)).toEqual({ title: '先有记录', subtreeKrs: 0 });
      await publish(objectiveForm());
      expect(await data(o)).toMatchObject({ krCount: 2, subtreeKrs: 2, lastCheckIn: '2026-11-20' });
      expect((await data(o)).progress).toBeCloseTo(0.6, 12);
      const [last] = await store.records.history(o.id).then((h) => h.slice(-1));
      expect(last).toMatchObject({ operation: 'update', changedBy: 'designer' });
      // Republishing the same roll-ups recomputes nothing.
      const before = await revision(o);
      await publish({ ...objectiveForm(), title: { 'zh-CN': '目标 v3', en: 'Objective v3' } });
      expect(await revision(o)).toBe(before);
    });

    it.runIf(database === 'SQLite')('indexes the reference it looks key results up by', async () => {
      // Published before the key results were: the index came with their typed table.
      const db = new Database(url, { readonly: true });
      try {
        const [layout] = db
          .prepare("SELECT id, columns FROM form_layouts WHERE form_id = 'key-result'")
          .all() as { id: number; columns: string }[];
        const column = (JSON.parse(layout?.columns ?? '[]') as { path: string; column: string }[]).find(
          (c) => c.path === 'objective',
        )?.column;
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN SELECT record_id FROM form_rows_${layout?.id} WHERE ${column} = ?`)
          .all('x') as { detail: string }[];
        expect(plan.map((p) => p.detail).join()).toMatch(/USING (COVERING )?INDEX/);
      } finally {
        db.close();
      }
    });

    it('gives the right total when key results of one objective change at the same time', async () => {
      const o = await objective('并发');
      const krs = await Promise.all([1, 2, 3, 4].map((w) => kr(o, w, 0)));
      // A second store is a second server on the same database (SQLite: a second connection).
      const other = await open();
      try {
        for (let round = 1; round <= 6; round++) {
          const values = krs.map((_, i) => ((round * 7 + i * 3) % 10) / 10);
          await Promise.all(
            krs.map((k, i) =>
              (i % 2 === 0 ? store : other).records.update(
                k.id,
                { ...k.data, progress: values[i] },
                { actor: `worker${i}` },
              ),
            ),
          );
          const expected = values.reduce((sum, v, i) => sum + v * (i + 1), 0) / 10;
          expect((await data(o)).progress).toBeCloseTo(expected, 12);
        }
      } finally {
        await other.close();
      }
    });

    it('lets a key result and an objective of different forms roll up into one objective at once', async () => {
      const other = await open();
      try {
        for (let round = 0; round < 4; round++) {
          const top = await objective(`上级 ${round}`);
          const away = await objective(`另一上级 ${round}`);
          const child = await objective(`下级 ${round}`, top);
          await kr(child, 1, 1);
          const moving = await store.records.get(child.id);
          // Two writers, two forms, one objective above both: neither may lose the other's change.
          await Promise.all([
            other.records.update(child.id, { ...moving.data, parent: away.id }, { actor: 'lead' }),
            kr(top, 1, 0.5),
          ]);
          expect(await data(top)).toMatchObject({ krCount: 1, childKrs: 0, subtreeKrs: 1, progress: 0.5 });
          expect(await data(away)).toMatchObject({ krCount: 0, childKrs: 1, subtreeKrs: 1 });
        }
      } finally {
        await other.close();
      }
    });
  });
}
