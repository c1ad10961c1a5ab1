import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { type Dialect, openStore, type Store, UniqueConstraintError } from '../src/index.ts';
import { rebuildDerivedData } from '../src/layout/derivedData.ts';
import { formLayout } from '../src/layout/formLayouts.ts';
import { breakthroughForm, YEAR_RANK } from './rollups/breakthroughForm.ts';
import { keyResultForm, objectiveForm } from './rollups/rollupForms.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { rawDialect } from './support/rawDialect.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

type Json = Record<string, unknown>;

/** The error a promise rejects with (failing the test when it resolves). */
async function refusal(promise: Promise<unknown>): Promise<UniqueConstraintError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UniqueConstraintError);
  return error as UniqueConstraintError;
}

// Uniqueness constraints across records (`unique`), on both databases: the unique index refuses a
// second live record with the same values whoever writes it and however concurrently; the store's
// check before each write names the constraint, the fields and the record holding the values.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`uniqueness constraints: ${database}`, () => {
    let url: string;
    let store: Store;
    const publish = async (definition: Json, on: Store = store) => {
      const id = String(definition.id);
      const info = await on.definitions.getInfo(id).catch(() => undefined);
      const saved = info
        ? await on.definitions.save(id, definition, { baseVersion: info.headVersion, author: 'designer' })
        : await on.definitions.create(definition, { author: 'designer' });
      await on.definitions.publish(id, saved.version, { author: 'designer' });
    };
    const point = (year: number | undefined, rank: number | undefined, title = `P${year}-${rank}`) =>
      store.records.insert(
        'breakthrough',
        { title, ...(year === undefined ? {} : { year }), ...(rank === undefined ? {} : { rank }) },
        { actor: 'hr' },
      );
    const live = async () => (await store.records.list('breakthrough', { limit: 100 })).total;

    beforeEach(async () => {
      url =
        database === 'PostgreSQL' ? await freshPostgresDatabase(inject('postgresUrl')) : freshSqliteFile();
      store = await openStore({ database: url });
      await publish(breakthroughForm([YEAR_RANK]));
    });
    afterEach(async () => {
      await store.close();
    });

    it('allows at most five points a year, each rank once, and names the record holding a rank', async () => {
      const first = await point(2026, 1);
      for (const rank of [2, 3, 4, 5]) await point(2026, rank);
      await point(2025, 1);
      const error = await refusal(point(2026, 1, '第六个'));
      expect(error.code).toBe('conflict');
      expect(error.conflicts).toEqual([
        {
          formId: 'breakthrough',
          constraint: 'year-rank',
          fields: ['/year', '/rank'],
          values: [2026, 1],
          message: { 'zh-CN': '同一年的优先级不能重复', en: 'Each rank is used once a year' },
          row: 1,
          records: [first.id],
        },
      ]);
      expect(error.messages).toEqual({
        'zh-CN': `表单 breakthrough：第 1 行违反唯一约束 year-rank（/year、/rank = 2026、1）：同一年的优先级不能重复。记录 ${first.id} 已有相同的值`,
        en: `form breakthrough: row 1 breaks the uniqueness constraint year-rank (/year, /rank = 2026, 1): Each rank is used once a year. Record ${first.id} already has these values`,
      });
      // The rank's own range (1–5) refuses a sixth rank, so a year has five points at most.
      await expect(point(2026, 6)).rejects.toThrow(/rank/);
      expect(await live()).toBe(6);
    });

    it('does not compare records with a blank in a constraint’s fields', async () => {
      await point(2026, undefined);
      await point(2026, undefined);
      await point(undefined, 1);
      await point(undefined, 1);
      expect(await live()).toBe(4);
    });

    it('checks updates against the other records, and frees a record’s values when it is deleted', async () => {
      const a = await point(2026, 1);
      const b = await point(2026, 2);
      // Keeping its own values, or taking free ones, is fine.
      await store.records.update(a.id, { ...a.data, title: '改名' }, { actor: 'hr' });
      const moved = await store.records.update(b.id, { ...b.data, rank: 3 }, { actor: 'hr' });
      const error = await refusal(
        store.records.update(moved.id, { ...moved.data, rank: 1 }, { actor: 'hr' }),
      );
      expect(error.conflicts).toEqual([expect.objectContaining({ values: [2026, 1], records: [a.id] })]);
      expect(error.conflicts[0]?.row).toBeUndefined();
      expect(error.messages.en).toMatch(/^form breakthrough: breaks the uniqueness constraint year-rank/);
      expect((await store.records.get(b.id)).data.rank).toBe(3);
      await store.records.delete(a.id, { actor: 'hr' });
      await store.records.update(moved.id, { ...moved.data, rank: 1 }, { actor: 'hr' });
    });

    it('names the rows of an import that break a constraint, against stored records and each other', async () => {
      const held = await point(2026, 1);
      const rows = [
        { title: 'a', year: 2026, rank: 2 },
        { title: 'b', year: 2026, rank: 1 },
        { title: 'c', year: 2027, rank: 1 },
        { title: 'd', year: 2026, rank: 2 },
      ];
      // What an import's dry run asks, writing nothing.
      const found = await store.uniqueKeys.conflicts('breakthrough', rows);
      expect(found.map((c) => [c.row, c.values, c.records, c.rows])).toEqual([
        [2, [2026, 1], [held.id], undefined],
        [4, [2026, 2], [], [1]],
      ]);
      const error = await refusal(store.records.insertMany('breakthrough', rows, { actor: 'hr' }));
      expect(error.conflicts).toEqual(found);
      expect(error.messages['zh-CN']).toContain('第 2 行违反唯一约束 year-rank');
      expect(error.messages['zh-CN']).toMatch(/（另有 1 处）$/);
      const rowError = new UniqueConstraintError([found[1] as never]);
      expect(rowError.messages.en).toContain('row 4 breaks the uniqueness constraint year-rank');
      expect(rowError.messages.en).toMatch(/Row 1 already has these values$/);
      expect(await live()).toBe(1);
      expect(await store.uniqueKeys.conflicts('breakthrough', [{ title: 'x', year: 2030, rank: 1 }])).toEqual(
        [],
      );
    });

    it('is held by a unique index, whoever writes and however many write at once', async () => {
      const first = await point(2026, 1);
      // Around the store: the database itself refuses a second typed row with the same values.
      const raw: Dialect = rawDialect(url);
      try {
        const layout = await formLayout(raw, 'breakthrough');
        const columns = layout?.columns ?? [];
        const column = (path: string) => columns.find((c) => c.path === path)?.column ?? '?';
        await expect(
          raw.run(
            `INSERT INTO ${layout?.table} (record_id, owner_id, ${column('year')}, ${column('rank')}) VALUES (?, ?, ?, ?)`,
            ['forged', 'hr', 2026, 1],
          ),
        ).rejects.toThrow(/unique/i);
      } finally {
        await raw.close();
      }
      // Writers through several stores at once (PostgreSQL: several servers) on the same values:
      // exactly one wins, and every other is told which record holds them.
      const others = await Promise.all([1, 2, 3].map(() => openStore({ database: url })));
      try {
        const writes = [store, ...others].flatMap((s, i) =>
          [2, 2].map((rank, j) =>
            s.records.insert('breakthrough', { title: `w${i}${j}`, year: 2026, rank }, { actor: 'hr' }),
          ),
        );
        const settled = await Promise.allSettled(writes);
        const won = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
        expect(won).toHaveLength(1);
        for (const s of settled)
          if (s.status === 'rejected') {
            expect(s.reason).toBeInstanceOf(UniqueConstraintError);
            expect((s.reason as UniqueConstraintError).conflicts[0]?.records).toEqual([won[0]?.id]);
          }
      } finally {
        await Promise.all(others.map((s) => s.close()));
      }
      expect((await store.records.list('breakthrough')).records.map((r) => r.id)).toContain(first.id);
      expect(await live()).toBe(2);
    });

    it('refuses to publish a constraint the records already break, listing them', async () => {
      const a = await point(2026, 1, 'A');
      const b = await point(2027, 1, 'A');
      await point(2028, 1, 'B');
      const byTitle = { id: 'title', fields: ['title'] };
      const definition = breakthroughForm([YEAR_RANK, byTitle]);
      const saved = await store.definitions.save('breakthrough', definition, {
        baseVersion: (await store.definitions.getInfo('breakthrough')).headVersion,
        author: 'designer',
      });
      const error = await refusal(
        store.definitions.publish('breakthrough', saved.version, { author: 'designer' }),
      );
      expect(error.conflicts).toEqual([
        {
          formId: 'breakthrough',
          constraint: 'title',
          fields: ['/title'],
          values: ['A'],
          records: [a.id, b.id].sort(),
        },
      ]);
      expect(error.messages['zh-CN']).toBe(
        `表单 breakthrough：现有记录违反唯一约束 title（/title = A）：记录 ${[a.id, b.id].sort().join('、')} 的值相同`,
      );
      expect((await store.definitions.getInfo('breakthrough')).publishedVersion).toBe(1);
      // Fixed, it publishes; the new constraint holds from then on, and the old one still does.
      await store.records.update(b.id, { ...b.data, title: 'A2' }, { actor: 'hr' });
      await store.definitions.publish('breakthrough', saved.version, { author: 'designer' });
      await refusal(point(2029, 1, 'A'));
      await refusal(point(2026, 1, 'C'));
      // A version without the constraints drops their indexes.
      await publish(breakthroughForm());
      await point(2026, 1, 'A');
      expect(await live()).toBe(4);
    });

    it('keeps its index when the typed table is rebuilt for a new version, or from the records', async () => {
      await point(2026, 1);
      await publish(breakthroughForm([YEAR_RANK], { owner: { type: 'string', title: '负责人' } }));
      await refusal(point(2026, 1));
      const raw = rawDialect(url);
      try {
        await raw.transaction((tx) => rebuildDerivedData(tx));
      } finally {
        await raw.close();
      }
      await refusal(point(2026, 1));
      expect(await live()).toBe(1);
    });

    it('refuses a roll-up that would give a record the values another one holds', async () => {
      await publish({ ...objectiveForm(), unique: [{ id: 'title-count', fields: ['title', 'krCount'] }] });
      await publish(keyResultForm());
      const objective = (title: string) => store.records.insert('objective', { title }, { actor: 'lead' });
      const kr = (o: { id: string }) =>
        store.records.insert('key-result', { objective: o.id, title: 'KR' }, { actor: 'worker' });
      const first = await objective('交付');
      await kr(first);
      const second = await objective('交付');
      const error = await refusal(kr(second));
      expect(error.conflicts).toEqual([
        expect.objectContaining({
          formId: 'objective',
          constraint: 'title-count',
          values: ['交付', 1],
          records: [first.id],
        }),
      ]);
      expect((await store.records.get(second.id)).data.krCount).toBe(0);
      expect((await store.records.list('key-result')).total).toBe(1);
    });

    it('compares text exactly, long text included, with blank text not compared', async () => {
      await publish(breakthroughForm([YEAR_RANK, { id: 'code', fields: ['code', 'active'] }]));
      const long = '工'.repeat(3000);
      const insert = (code: string, active: boolean) =>
        store.records.insert('breakthrough', { title: 't', code, active }, { actor: 'hr' });
      const held = await insert(long, true);
      await insert(`${long}!`, true);
      await insert(long, false);
      await insert('', true);
      await insert('', true);
      const error = await refusal(insert(long, true));
      expect(error.conflicts[0]).toMatchObject({
        constraint: 'code',
        fields: ['/code', '/active'],
        records: [held.id],
      });
      expect(await live()).toBe(5);
    });
  });
}
