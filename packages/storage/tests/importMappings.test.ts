import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { MAX_MAPPINGS_PER_FORM } from '../src/imports/ImportMappingStore.ts';
import { openStore, type Store } from '../src/index.ts';
import { scorecard } from './conformance/storeConformance.ts';
import { freshPostgresDatabase } from './support/databases.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

const BACKENDS = {
  SQLite: async () => freshSqliteFile(),
  PostgreSQL: async () => freshPostgresDatabase(inject('postgresUrl')),
};

describe.each(Object.entries(BACKENDS))('Saved import mappings: %s', (_name, database) => {
  let store: Store;
  let clock = 0;
  beforeEach(async () => {
    // Distinct, increasing times, so "most recently saved" has one answer.
    store = await openStore({
      database: await database(),
      now: () => new Date(Date.UTC(2026, 10, 27, 8, 0, clock++)).toISOString(),
    });
    await store.definitions.create(scorecard(), { author: 'designer' });
  });
  afterEach(() => store.close());

  const formId = String(scorecard().id);
  const mapping = (signature: string, fields: (string | null)[]) => ({
    formId,
    signature,
    headers: fields.map((_, i) => `列${i}`),
    fields,
  });

  it('saves a mapping per header row, replaces it on a second save, lists newest first', async () => {
    await store.importMappings.save(mapping('a', ['score', null]), 'hr');
    await store.importMappings.save(mapping('b', ['score']), 'hr');
    const replaced = await store.importMappings.save(mapping('a', [null, 'score']), 'lead');
    expect(replaced).toMatchObject({ signature: 'a', fields: [null, 'score'], updatedBy: 'lead' });
    const listed = await store.importMappings.list(formId);
    expect(listed.map((m) => [m.signature, m.fields, m.headers, m.updatedBy])).toEqual([
      ['a', [null, 'score'], ['列0', '列1'], 'lead'],
      ['b', ['score'], ['列0'], 'hr'],
    ]);
    expect(await store.importMappings.list('other-form')).toEqual([]);
    const audit = await store.audit({ entityType: 'form', entityId: formId });
    expect(audit.filter((e) => e.action === 'importMapping.save')).toHaveLength(3);
    expect((await store.verifyAudit()).ok).toBe(true);
  });

  it('forgets a mapping, once', async () => {
    await store.importMappings.save(mapping('a', ['score']), 'hr');
    expect(await store.importMappings.remove(formId, 'a', 'hr')).toBe(true);
    expect(await store.importMappings.remove(formId, 'a', 'hr')).toBe(false);
    expect(await store.importMappings.list(formId)).toEqual([]);
    const [latest] = await store.audit({ entityType: 'form', entityId: formId });
    expect(latest).toMatchObject({ action: 'importMapping.remove', summary: { signature: 'a' } });
  });

  it(`keeps a form's ${MAX_MAPPINGS_PER_FORM} most recently saved mappings`, async () => {
    for (let i = 0; i <= MAX_MAPPINGS_PER_FORM; i++)
      await store.importMappings.save(mapping(`s${i}`, ['score']), 'hr');
    const listed = await store.importMappings.list(formId);
    expect(listed).toHaveLength(MAX_MAPPINGS_PER_FORM);
    expect(listed.map((m) => m.signature)).not.toContain('s0');
    expect(listed[0]?.signature).toBe(`s${MAX_MAPPINGS_PER_FORM}`);
  });
});
