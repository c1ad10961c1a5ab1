import type { FormDefinition } from '@formboard/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DeriveContext, InvalidRecordError, openStore, type Store } from '../src/index.ts';
import { scorecard } from './conformance/storeConformance.ts';
import { freshSqliteFile } from './support/sqliteFiles.ts';

// A stand-in for the form runtime's deriver: score = sum of the rows' actuals, tagged with what the
// store told it. The server passes the real one (@formboard/form-runtime/headless).
describe('record deriver', () => {
  let store: Store;
  const compiled: FormDefinition[] = [];
  const seen: DeriveContext[] = [];

  beforeEach(async () => {
    compiled.length = 0;
    seen.length = 0;
    store = await openStore({
      database: freshSqliteFile(),
      now: () => '2026-11-27T02:30:00.000Z',
      recordDeriver: (form) => {
        compiled.push(form);
        return (data, context) => {
          seen.push(context);
          const kpis = Array.isArray(data.kpis) ? (data.kpis as { actual?: number }[]) : [];
          return { ...data, score: kpis.reduce((sum, k) => sum + (k.actual ?? 0), 0) };
        };
      },
    });
    await store.definitions.create(scorecard(), { author: 'hr' });
    await store.definitions.publish('kpi-scorecard', 1, { author: 'hr' });
  });
  afterEach(async () => {
    await store.close();
  });

  const row = (actual: number, forged: number) => ({
    employee: 'u1',
    period: '2026-11-01',
    status: 'submitted',
    kpis: [{ name: '交付准时率', weight: 100, target: 100, actual }],
    score: forged,
  });

  it('stores what the deriver gives on insert, import and update, with the write’s context', async () => {
    const one = await store.records.insert('kpi-scorecard', row(90, 100), { actor: 'u1', orgUnitId: 'ou-1' });
    expect(one.data.score).toBe(90);
    expect((await store.records.get(one.id)).data.score).toBe(90);
    expect(seen[0]).toEqual({
      recordId: one.id,
      actor: 'u1',
      ownerId: 'u1',
      orgUnitId: 'ou-1',
      createdAt: '2026-11-27T02:30:00.000Z',
      updatedAt: '2026-11-27T02:30:00.000Z',
    });
    const many = await store.records.insertMany('kpi-scorecard', [row(10, 0), row(20, 0)], { actor: 'hr' }, [
      { ownerId: 'u2', orgUnitId: null },
      { ownerId: 'u3', orgUnitId: 'ou-3' },
    ]);
    expect(many.map((r) => r.data.score)).toEqual([10, 20]);
    expect(seen.slice(1).map((c) => [c.recordId, c.ownerId, c.actor])).toEqual([
      [many[0]?.id, 'u2', 'hr'],
      [many[1]?.id, 'u3', 'hr'],
    ]);
    const updated = await store.records.update(one.id, row(70, 999), { actor: 'u9', baseRevision: 1 });
    expect(updated.data.score).toBe(70);
    expect((await store.records.history(one.id)).map((h) => h.data.score)).toEqual([90, 70]);
    expect(seen.at(-1)).toMatchObject({ recordId: one.id, actor: 'u9', ownerId: 'u1' });
    // Board queries read the typed table, which follows the derived value.
    const [total] = await store.queries.run({
      source: 'kpi-scorecard',
      measures: [{ id: 'sum', op: 'sum', field: 'score' }],
    });
    expect(total?.sum).toBe(100);
  });

  it('compiles the deriver once per form version', async () => {
    for (let i = 0; i < 3; i++) await store.records.insert('kpi-scorecard', row(i, 0), { actor: 'u1' });
    expect(compiled.map((form) => form.id)).toEqual(['kpi-scorecard']);
  });

  it('validates the derived record', async () => {
    const error = await store.records
      .insert('kpi-scorecard', row(-1000, 50), { actor: 'u1' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as InvalidRecordError).issues.map((i) => i.path)).toContain('score');
  });
});
