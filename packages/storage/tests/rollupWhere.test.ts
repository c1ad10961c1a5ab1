import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openStore, type Store, type StoredRecord } from '../src/index.ts';
import { keyResultForm, objectiveForm } from './rollups/rollupForms.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

type Json = Record<string, unknown>;

/** The test key-result form with a status and a due date, for roll-ups that count only some. */
function keyResults(): Json {
  const form = keyResultForm();
  const data = form.data as { properties: Json };
  data.properties = {
    ...data.properties,
    status: { type: 'string', enum: ['onTrack', 'atRisk', 'offTrack'], title: '状态' },
    due: { type: 'string', format: 'date', title: '截止' },
  };
  return form;
}

/** The objective rolling up with conditions: at-risk key results, and the progress of unfinished ones. */
const conditional = (atRisk = 'status = "atRisk"'): Json[] => [
  { target: 'krCount', from: 'key-result', via: 'objective', measure: 'count', where: atRisk },
  {
    target: 'progress',
    from: 'key-result',
    via: 'objective',
    measure: 'weightedAvg',
    field: 'progress',
    weight: 'weight',
    where: 'progress < 1',
  },
  {
    target: 'lastCheckIn',
    from: 'key-result',
    via: 'objective',
    measure: 'max',
    field: 'lastCheckIn',
    where: 'AND(NOT(ISBLANK(due)), due - lastCheckIn >= 7)',
  },
];

// Roll-ups with a `where` (conditional roll-ups) on both databases: only the key results for which
// the formula is TRUE count, and a key result whose condition flips moves its objective.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`conditional roll-ups: ${database}`, () => {
    let url: string;
    let store: Store;
    const publish = async (definition: Json) => {
      const id = String(definition.id);
      const info = await store.definitions.getInfo(id).catch(() => undefined);
      const saved = info
        ? await store.definitions.save(id, definition, { baseVersion: info.headVersion, author: 'designer' })
        : await store.definitions.create(definition, { author: 'designer' });
      await store.definitions.publish(id, saved.version, { author: 'designer' });
    };
    const kr = (o: StoredRecord, values: Json) =>
      store.records.insert('key-result', { objective: o.id, title: 'KR', ...values }, { actor: 'worker' });
    const data = async (record: StoredRecord) => (await store.records.get(record.id)).data;

    beforeEach(async () => {
      url =
        database === 'PostgreSQL' ? await freshPostgresDatabase(inject('postgresUrl')) : freshSqliteFile();
      store = await openStore({ database: url });
      await publish(objectiveForm(conditional()));
      await publish(keyResults());
    });
    afterEach(async () => {
      await store.close();
    });

    it('counts only the children whose where is TRUE, and follows a child whose where flips', async () => {
      const o = await store.records.insert('objective', { title: '交付' }, { actor: 'lead' });
      const a = await kr(o, { status: 'onTrack', weight: 1, progress: 1 });
      const b = await kr(o, { status: 'atRisk', weight: 1, progress: 0.2 });
      expect(await data(o)).toMatchObject({ krCount: 1, progress: 0.2 });
      // a's status flips to at risk (and its progress below 1): both roll-ups take it in.
      const a2 = await store.records.update(
        a.id,
        { ...a.data, status: 'atRisk', progress: 0.6 },
        { actor: 'worker' },
      );
      expect(await data(o)).toMatchObject({ krCount: 2 });
      expect((await data(o)).progress).toBeCloseTo(0.4, 12);
      // b is back on track and done: it leaves both.
      await store.records.update(b.id, { ...b.data, status: 'onTrack', progress: 1 }, { actor: 'worker' });
      expect(await data(o)).toMatchObject({ krCount: 1, progress: 0.6 });
      // A change that moves no condition and no value writes no revision of the objective.
      const revision = (await store.records.get(o.id)).revision;
      await store.records.update(
        b.id,
        { ...b.data, status: 'onTrack', progress: 1, title: '改名' },
        { actor: 'worker' },
      );
      expect((await store.records.get(o.id)).revision).toBe(revision);
      await store.records.delete(a2.id, { actor: 'worker' });
      expect(await data(o)).toMatchObject({ krCount: 0 });
      expect((await data(o)).progress).toBeUndefined();
    });

    it('reads dates as dates in a where (text could not be subtracted), and blanks as formulas do', async () => {
      const o = await store.records.insert('objective', { title: '质量' }, { actor: 'lead' });
      await kr(o, { lastCheckIn: '2026-11-20', due: '2026-11-30' });
      await kr(o, { lastCheckIn: '2026-11-28', due: '2026-12-01' });
      await kr(o, { lastCheckIn: '2026-12-05', due: '2026-11-30' });
      await kr(o, { lastCheckIn: '2026-12-10' });
      expect((await data(o)).lastCheckIn).toBe('2026-11-20');
    });

    it('recomputes every record when a version changes the where', async () => {
      const o = await store.records.insert('objective', { title: '成本' }, { actor: 'lead' });
      await kr(o, { status: 'offTrack' });
      await kr(o, { status: 'atRisk' });
      await kr(o, {});
      expect((await data(o)).krCount).toBe(1);
      await publish(objectiveForm(conditional('OR(status = "atRisk", status = "offTrack")')));
      expect((await data(o)).krCount).toBe(2);
      await publish(objectiveForm(conditional('ISBLANK(status)')));
      expect((await data(o)).krCount).toBe(1);
    });
  });
}
