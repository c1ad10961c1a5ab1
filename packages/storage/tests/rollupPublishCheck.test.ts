import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openStore, RollupBreakError, type Store } from '../src/index.ts';
import { keyResultForm, objectiveDeriver, objectiveForm } from './rollups/rollupForms.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

type Json = Record<string, unknown>;

type FormJson = Json & {
  data: { properties: Json; required: string[] };
  layout: { root: string[]; nodes: Record<string, { path?: string }> };
};

/** The key result form without one of its fields (its data, required entry and layout node). */
function keyResultWithout(field: string): Json {
  const form = keyResultForm() as FormJson;
  const { [field]: _gone, ...properties } = form.data.properties;
  const bound = Object.keys(form.layout.nodes).filter((id) => form.layout.nodes[id]?.path === field);
  const nodes = Object.fromEntries(Object.entries(form.layout.nodes).filter(([id]) => !bound.includes(id)));
  return {
    ...form,
    data: { ...form.data, properties, required: form.data.required.filter((k) => k !== field) },
    layout: { root: form.layout.root.filter((id) => !bound.includes(id)), nodes },
  };
}

// Publishing a form version that breaks a roll-up is refused on both databases: a child version that
// drops a field another published form's roll-up reads, and a parent version whose new roll-up reads
// a field the published child does not have. Nothing is written; the roll-up values stay as they were.
for (const database of ['SQLite', 'PostgreSQL'] as const) {
  describe(`publishing against roll-ups: ${database}`, () => {
    let store: Store;
    const save = async (definition: Json) => {
      const id = String(definition.id);
      const info = await store.definitions.getInfo(id).catch(() => undefined);
      return info
        ? store.definitions.save(id, definition, { baseVersion: info.headVersion, author: 'designer' })
        : store.definitions.create(definition, { author: 'designer' });
    };
    const publish = async (definition: Json) => {
      const saved = await save(definition);
      return store.definitions.publish(String(definition.id), saved.version, { author: 'designer' });
    };
    const refusal = async (definition: Json): Promise<RollupBreakError> => {
      const error = await publish(definition).catch((e: unknown) => e);
      if (!(error instanceof RollupBreakError))
        throw new Error(`expected a RollupBreakError, got ${String(error)}`);
      return error;
    };

    beforeEach(async () => {
      const url =
        database === 'PostgreSQL' ? await freshPostgresDatabase(inject('postgresUrl')) : freshSqliteFile();
      store = await openStore({ database: url, recordDeriver: objectiveDeriver });
      await publish(objectiveForm());
      await publish(keyResultForm());
    });
    afterEach(async () => {
      await store.close();
    });

    it('refuses a child version without a field a published roll-up reads, naming form, roll-up and field', async () => {
      const objective = await store.records.insert('objective', { title: 'O' }, { actor: 'lead' });
      await store.records.insert(
        'key-result',
        { objective: objective.id, title: 'KR', weight: 2, progress: 0.5 },
        { actor: 'lead' },
      );
      const error = await refusal(keyResultWithout('weight'));
      expect(error.code).toBe('conflict');
      expect(error.breaks).toEqual([
        {
          formId: 'objective',
          rollup: 0,
          target: 'progress',
          from: 'key-result',
          code: 'rollup.unknownField',
          pointer: '/rollups/0/weight',
          message: expect.objectContaining({ en: expect.stringContaining('weight') }),
          field: 'weight',
          fieldPointer: '/data/properties/weight',
        },
      ]);
      expect(error.messages['zh-CN']).toContain('发布会使表单“目标”（objective）的汇总字段 progress 失效');
      expect(error.messages['zh-CN']).toContain('/data/properties/weight');
      expect(error.messages.en).toContain(
        'publishing would break the roll-up field progress of form "Objective" (objective)',
      );
      // Saved as a draft, not published: records are still entered against version 1 and keep their values.
      const info = await store.definitions.getInfo('key-result');
      expect([info.headVersion, info.publishedVersion]).toEqual([2, 1]);
      expect((await store.records.get(objective.id)).data).toMatchObject({ progress: 0.5, krCount: 1 });
    });

    it('names every roll-up a dropped field breaks, and lets it go once the parent no longer reads it', async () => {
      const error = await refusal(keyResultWithout('objective'));
      expect(error.breaks.map((b) => [b.rollup, b.target, b.pointer])).toEqual([
        [0, 'progress', '/rollups/0/via'],
        [1, 'krCount', '/rollups/1/via'],
        [2, 'lastCheckIn', '/rollups/2/via'],
      ]);
      expect(error.messages.en).toContain('(and 2 more)');
      // The objective stops rolling up the weight first; then the key result may drop it.
      const [weighted, ...rest] = (objectiveForm() as { rollups: Json[] }).rollups;
      await publish(objectiveForm([{ ...weighted, measure: 'avg', weight: undefined }, ...rest]));
      // (Version 2, refused, stayed a draft.)
      await expect(publish(keyResultWithout('weight'))).resolves.toMatchObject({ publishedVersion: 3 });
    });

    it('refuses a parent version whose new roll-up reads a field the published child does not have', async () => {
      const rollups = [
        ...(objectiveForm() as { rollups: Json[] }).rollups,
        { target: 'health', from: 'key-result', via: 'objective', measure: 'count' },
      ];
      // A count into a text field is wrong in the objective itself: refused as an invalid definition.
      await expect(publish(objectiveForm(rollups))).rejects.toMatchObject({ code: 'invalid' });
      const reading = (objectiveForm() as { rollups: Json[] }).rollups.map((r, i) =>
        i === 2 ? { ...r, field: 'dueDate' } : r,
      );
      const error = await refusal(objectiveForm(reading));
      expect(error.breaks).toEqual([
        expect.objectContaining({
          formId: 'objective',
          target: 'lastCheckIn',
          pointer: '/rollups/2/field',
          field: 'dueDate',
          fieldPointer: '/data/properties/dueDate',
        }),
      ]);
      expect((await store.definitions.getInfo('objective')).publishedVersion).toBe(1);
    });

    it('publishes a copy of the parent whose roll-ups read children that point at the original', async () => {
      // As HR's clone of the starter objective form: nothing points at the copy, so nothing can go wrong.
      const copy = { ...objectiveForm(), id: 'objective-copy' };
      await expect(publish(copy)).resolves.toMatchObject({ publishedVersion: 1 });
      // Connected, a roll-up naming a missing field is still refused.
      const reading = (objectiveForm() as { rollups: Json[] }).rollups.map((r, i) =>
        i === 2 ? { ...r, field: 'dueDate' } : r,
      );
      await refusal(objectiveForm(reading));
    });

    it('publishes changes that break nothing, and a form no published form rolls up from', async () => {
      await expect(
        publish({ ...keyResultForm(), title: { 'zh-CN': '关键成果', en: 'Key result' } }),
      ).resolves.toMatchObject({ publishedVersion: 2 });
      await expect(publish(keyResultWithout('title'))).resolves.toMatchObject({ publishedVersion: 3 });
    });
  });
}
