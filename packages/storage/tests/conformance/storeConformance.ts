import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  canonicalJson,
  InvalidDefinitionError,
  type Store,
  StoreError,
  sha256,
  VersionConflictError,
} from '../../src/index.ts';

/** How a conformance run opens a fresh store and reaches its database behind the store's back. */
export interface StoreHarness {
  /** A store over a new, empty database; `database` is what `openStore` was given. */
  open(): Promise<{ store: Store; raw: (sql: string) => Promise<void>; database: string }>;
}

export type Json = Record<string, unknown>;

/** The KPI scorecard form fixture of @formboard/schema. */
export function scorecard(): Json {
  const url = new URL('../../../schema/fixtures/valid/form-kpi-scorecard.json', import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Json;
}

function withTitle(form: Json, zh: string): Json {
  return { ...form, title: { 'zh-CN': zh, en: zh } };
}

/** The one suite every Store implementation must pass; run against SQLite and PostgreSQL. */
export function describeStoreConformance(name: string, harness: StoreHarness): void {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;
    let raw: (sql: string) => Promise<void>;

    beforeEach(async () => {
      ({ store, raw } = await harness.open());
    });
    afterEach(async () => {
      await store.close();
    });

    it('creates version 1 with its content hash, in draft', async () => {
      const v1 = await store.definitions.create(scorecard(), { author: 'hr', message: 'first' });
      expect(v1).toMatchObject({
        id: 'kpi-scorecard',
        version: 1,
        parentHash: null,
        author: 'hr',
        message: 'first',
        restoredFrom: null,
      });
      expect(v1.hash).toBe(sha256(canonicalJson(scorecard())));
      expect(await store.definitions.getInfo('kpi-scorecard')).toMatchObject({
        kind: 'form',
        state: 'draft',
        headVersion: 1,
        publishedVersion: null,
        lineage: null,
      });
      await expect(store.definitions.create(scorecard(), { author: 'hr' })).rejects.toMatchObject({
        code: 'exists',
      });
    });

    it('refuses an invalid definition with its issues and writes nothing', async () => {
      const bad = { ...scorecard(), tittle: 'x' };
      const error = await store.definitions.create(bad, { author: 'hr' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidDefinitionError);
      expect((error as InvalidDefinitionError).issues[0]?.pointer).toBe('/tittle');
      expect(await store.definitions.list()).toEqual([]);
      expect(await store.audit()).toEqual([]);
    });

    it('appends versions chained by hash and pages through history', async () => {
      const v1 = await store.definitions.create(scorecard(), { author: 'hr' });
      const v2 = await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '计分卡 v2'), {
        baseVersion: 1,
        author: 'hr',
        message: 'rename',
      });
      const v3 = await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '计分卡 v3'), {
        baseVersion: 2,
        author: 'hr',
      });
      expect(v2).toMatchObject({ version: 2, parentHash: v1.hash, message: 'rename' });
      expect(v3.parentHash).toBe(v2.hash);
      expect((await store.definitions.get('kpi-scorecard')).version).toBe(3);
      expect((await store.definitions.get('kpi-scorecard', 1)).content).toEqual(scorecard());
      const page = await store.definitions.history('kpi-scorecard', { limit: 2 });
      expect(page.total).toBe(3);
      expect(page.versions.map((v) => v.version)).toEqual([3, 2]);
      await expect(store.definitions.get('kpi-scorecard', 9)).rejects.toMatchObject({ code: 'notFound' });
    });

    it('answers a stale base version with a conflict carrying the current version and the diff', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '甲'), {
        baseVersion: 1,
        author: 'alice',
      });
      const error = await store.definitions
        .save('kpi-scorecard', withTitle(scorecard(), '乙'), { baseVersion: 1, author: 'bob' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(VersionConflictError);
      const conflict = error as VersionConflictError;
      expect(conflict).toMatchObject({ code: 'conflict', baseVersion: 1, currentVersion: 2 });
      expect(conflict.patch).toContainEqual({ op: 'replace', path: '/title/zh-CN', value: '甲' });
      expect(conflict.summary.map((s) => s.en)).toEqual(['changed title']);
      expect((await store.definitions.get('kpi-scorecard')).content.title).toEqual({
        'zh-CN': '甲',
        en: '甲',
      });
    });

    it('lets exactly one of two concurrent saves from the same base win', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      const results = await Promise.allSettled([
        store.definitions.save('kpi-scorecard', withTitle(scorecard(), 'A'), { baseVersion: 1, author: 'a' }),
        store.definitions.save('kpi-scorecard', withTitle(scorecard(), 'B'), { baseVersion: 1, author: 'b' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.status === 'rejected' && rejected.reason).toBeInstanceOf(VersionConflictError);
      expect((await store.definitions.getInfo('kpi-scorecard')).headVersion).toBe(2);
    });

    it('diffs two versions as a JSON Patch with a human summary', async () => {
      const form = scorecard();
      await store.definitions.create(form, { author: 'hr' });
      const next = structuredClone(form) as { data: { properties: Json }; rules: Json[] };
      next.data.properties.bonus = { type: 'number', title: { 'zh-CN': '奖金', en: 'Bonus' } };
      (next.rules[0] as Json).visible = 'status = "approved"';
      await store.definitions.save('kpi-scorecard', next, { baseVersion: 1, author: 'hr' });
      const diff = await store.definitions.diff('kpi-scorecard', 1, 2);
      expect(diff.patch).toContainEqual({
        op: 'add',
        path: '/data/properties/bonus',
        value: next.data.properties.bonus,
      });
      expect(diff.summary).toEqual([
        { 'zh-CN': '新增 字段 奖金', en: 'added field Bonus' },
        { 'zh-CN': '修改 comment 的规则', en: 'changed rule on comment' },
      ]);
    });

    it('restores an old version as a new one, and publishes, archives and clones with lineage', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '改'), {
        baseVersion: 1,
        author: 'hr',
      });
      const restored = await store.definitions.restore('kpi-scorecard', 1, { author: 'hr' });
      expect(restored).toMatchObject({ version: 3, restoredFrom: 1, message: 'restore version 1' });
      expect(restored.content).toEqual(scorecard());
      expect(await store.definitions.publish('kpi-scorecard', 3, { author: 'hr' })).toMatchObject({
        state: 'published',
        publishedVersion: 3,
      });
      const copy = await store.definitions.clone('kpi-scorecard', 'kpi-scorecard-hr', {
        author: 'hr',
        version: 2,
      });
      expect(copy).toMatchObject({ id: 'kpi-scorecard-hr', version: 1 });
      expect(copy.content.title).toEqual({ 'zh-CN': '改', en: '改' });
      expect(await store.definitions.getInfo('kpi-scorecard-hr')).toMatchObject({
        lineage: { sourceId: 'kpi-scorecard', sourceVersion: 2 },
        state: 'draft',
      });
      expect(await store.definitions.archive('kpi-scorecard', { author: 'hr' })).toMatchObject({
        state: 'archived',
      });
      await expect(
        store.definitions.save('kpi-scorecard', scorecard(), { baseVersion: 3, author: 'hr' }),
      ).rejects.toBeInstanceOf(StoreError);
      expect((await store.definitions.list('form')).map((d) => d.id)).toEqual([
        'kpi-scorecard',
        'kpi-scorecard-hr',
      ]);
    });

    it('compares a copy with its template: what the copy changed, and what the template changed since', async () => {
      await store.definitions.create(scorecard(), { author: 'consultant' });
      await store.definitions.clone('kpi-scorecard', 'kpi-scorecard-hr', { author: 'hr' });
      const copy = structuredClone(scorecard()) as { id: string; data: { properties: Json } };
      copy.id = 'kpi-scorecard-hr';
      copy.data.properties.bonus = { type: 'number', title: { 'zh-CN': '奖金', en: 'Bonus' } };
      await store.definitions.save('kpi-scorecard-hr', copy, { baseVersion: 1, author: 'hr' });
      await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '新版考核表'), {
        baseVersion: 1,
        author: 'consultant',
      });
      const comparison = await store.definitions.compareWithSource('kpi-scorecard-hr');
      expect(comparison).toMatchObject({ sourceId: 'kpi-scorecard', clonedVersion: 1, sourceHeadVersion: 2 });
      // The copy's own id is not a change; its new field is, and only the template's new title upstream.
      expect(comparison?.mine.summary).toEqual([{ 'zh-CN': '新增 字段 奖金', en: 'added field Bonus' }]);
      expect(comparison?.upstream.patch.map((op) => op.path).sort()).toEqual(['/title/en', '/title/zh-CN']);
      expect(await store.definitions.compareWithSource('kpi-scorecard')).toBeUndefined();
    });

    it('refuses to change a stored version, even from raw SQL', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await expect(raw("UPDATE definition_versions SET message = 'rewritten'")).rejects.toThrow(
        /append-only/,
      );
      await expect(raw('DELETE FROM definition_versions')).rejects.toThrow(/append-only/);
    });

    it('audits every change in a hash chain that verifies', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '改'), {
        baseVersion: 1,
        author: 'alice',
      });
      await store.definitions.publish('kpi-scorecard', 2, { author: 'boss' });
      const entries = await store.audit({ entityId: 'kpi-scorecard' });
      expect(entries.map((e) => [e.action, e.actor])).toEqual([
        ['definition.publish', 'boss'],
        ['definition.save', 'alice'],
        ['definition.create', 'hr'],
      ]);
      expect(entries[1]?.summary).toMatchObject({ version: 2, changes: ['changed title'] });
      expect(await store.verifyAudit()).toEqual({ ok: true, entries: 3 });
    });

    it('names the first audit entry that was tampered with in the database', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.save('kpi-scorecard', withTitle(scorecard(), '改'), {
        baseVersion: 1,
        author: 'alice',
      });
      await store.definitions.publish('kpi-scorecard', 2, { author: 'boss' });
      const [, second] = [...(await store.audit())].reverse();
      // A DBA bypassing the append-only trigger to rewrite who did it.
      await raw(
        store.dialect === 'sqlite'
          ? 'DROP TRIGGER audit_log_no_update'
          : 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
      );
      await raw(`UPDATE audit_log SET actor = 'mallory' WHERE seq = ${second?.seq}`);
      expect(await store.verifyAudit()).toEqual({
        ok: false,
        entries: 2,
        brokenAt: second?.seq,
        reason: 'hash',
      });
    });

    it('hashes the stored summary text byte for byte: a rewrite to the same meaning still breaks', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.publish('kpi-scorecard', 1, { author: 'boss' });
      const [first, second] = [...(await store.audit())].reverse();
      expect(second?.summary).toEqual({ version: 1 });
      await raw(
        store.dialect === 'sqlite'
          ? 'DROP TRIGGER audit_log_no_update'
          : 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
      );
      await raw(`UPDATE audit_log SET summary = '{ "version": 1 }' WHERE seq = ${second?.seq}`);
      expect(first).toBeDefined();
      expect(await store.verifyAudit()).toEqual({
        ok: false,
        entries: 2,
        brokenAt: second?.seq,
        reason: 'hash',
      });
    });

    it('notices a removed audit entry', async () => {
      await store.definitions.create(scorecard(), { author: 'hr' });
      await store.definitions.publish('kpi-scorecard', 1, { author: 'boss' });
      await store.definitions.archive('kpi-scorecard', { author: 'boss' });
      const [first, second, third] = [...(await store.audit())].reverse();
      await raw(
        store.dialect === 'sqlite'
          ? 'DROP TRIGGER audit_log_no_delete'
          : 'ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only',
      );
      await raw(`DELETE FROM audit_log WHERE seq = ${second?.seq}`);
      expect(first).toBeDefined();
      expect(await store.verifyAudit()).toEqual({
        ok: false,
        entries: 2,
        brokenAt: third?.seq,
        reason: 'link',
      });
    });
  });
}
