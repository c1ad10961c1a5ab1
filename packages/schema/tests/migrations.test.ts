import { describe, expect, it } from 'vitest';
import { DEFINITION_KINDS } from '../src/kinds/registry.ts';
import {
  createMigrationSequence,
  type JsonObject,
  type Migration,
  MigrationRefused,
} from '../src/migrations/Migration.ts';
import { createMigrator, type MigrationResult, migrate } from '../src/migrations/migrate.ts';
import { MIGRATION_SEQUENCES } from '../src/migrations/sequences.ts';
import { FORM_SCHEMA_VERSION } from '../src/schemas/formDefinition.ts';
import { validateDefinition } from '../src/validate/validateDefinition.ts';

// A synthetic version 0 of forms, as an early prototype might have saved them: a `name` instead of
// `title`, and a flat `fields` list instead of `data` + `layout`. Only these tests know it.
const V0_TYPES: Readonly<Record<string, JsonObject>> = {
  text: { type: 'string' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  checkbox: { type: 'boolean' },
};

const formV0toV1: Migration = {
  kind: 'form',
  from: 0,
  to: 1,
  description: 'name becomes title; the fields list becomes a data schema and a one-column layout',
  up(form) {
    const { name, fields, ...rest } = form;
    const properties: Record<string, JsonObject> = {};
    const required: string[] = [];
    const nodes: Record<string, JsonObject> = {};
    const list = Array.isArray(fields) ? (fields as JsonObject[]) : [];
    list.forEach((field, i) => {
      const { key, type, label, required: isRequired, hint, ...unknown } = field;
      const schema = typeof type === 'string' && Object.hasOwn(V0_TYPES, type) ? V0_TYPES[type] : undefined;
      if (!schema) {
        throw new MigrationRefused(
          `/fields/${i}/type`,
          { 'zh-CN': `无法转换字段类型 ${String(type)}`, en: `cannot convert field type ${String(type)}` },
          type,
        );
      }
      const leftover = Object.keys(unknown)[0];
      if (leftover !== undefined) {
        throw new MigrationRefused(`/fields/${i}/${leftover}`, {
          'zh-CN': `字段属性 ${leftover} 无法转换`,
          en: `field property ${leftover} has no equivalent`,
        });
      }
      properties[String(key)] = label === undefined ? { ...schema } : { ...schema, title: label };
      if (isRequired === true) required.push(String(key));
      nodes[`f_${String(key)}`] = {
        type: 'field',
        path: String(key),
        ...(hint === undefined ? {} : { help: hint }),
      };
    });
    return {
      ...rest,
      title: name,
      data: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) },
      layout: { root: Object.keys(nodes), nodes },
    };
  },
};

const testMigrate = createMigrator([
  createMigrationSequence({ kind: 'form', version: FORM_SCHEMA_VERSION, migrations: [formV0toV1] }),
]);

function leaveRequestV0(): JsonObject {
  return {
    kind: 'form',
    id: 'leave-request',
    schemaVersion: 0,
    name: { 'zh-CN': '请假申请', en: 'Leave request' },
    fields: [
      { key: 'days', type: 'number', label: { 'zh-CN': '天数', en: 'Days' }, required: true },
      { key: 'start', type: 'date', label: '开始日期', hint: '第一天' },
      { key: 'reason', type: 'text' },
    ],
  };
}

/** Freezes a document all the way down, so any write to it throws. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function refusal(result: MigrationResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.value)}`);
  return result.issue;
}

describe('migrate', () => {
  it('upgrades a version 0 form step by step to a valid current form, leaving the input alone', () => {
    const input = deepFreeze(leaveRequestV0());
    const snapshot = structuredClone(input);
    const result = testMigrate(input);
    expect(result).toMatchObject({ ok: true, applied: ['form/1'] });
    expect(input).toEqual(snapshot);
    expect(result.value).toEqual({
      kind: 'form',
      id: 'leave-request',
      schemaVersion: 1,
      title: { 'zh-CN': '请假申请', en: 'Leave request' },
      data: {
        type: 'object',
        properties: {
          days: { type: 'number', title: { 'zh-CN': '天数', en: 'Days' } },
          start: { type: 'string', format: 'date', title: '开始日期' },
          reason: { type: 'string' },
        },
        required: ['days'],
      },
      layout: {
        root: ['f_days', 'f_start', 'f_reason'],
        nodes: {
          f_days: { type: 'field', path: 'days' },
          f_start: { type: 'field', path: 'start', help: '第一天' },
          f_reason: { type: 'field', path: 'reason' },
        },
      },
    });
    const validated = validateDefinition(result.value);
    expect(validated.ok ? [] : validated.issues).toEqual([]);
  });

  it('returns a current document as it is, with nothing applied', () => {
    const form = { kind: 'form', id: 'x', schemaVersion: FORM_SCHEMA_VERSION };
    expect(migrate(form)).toEqual({ ok: true, value: form, applied: [] });
    expect(migrate(form).value).toBe(form);
    expect(testMigrate(form).value).toBe(form);
  });

  it('applies every step in order from the document version to the current one', () => {
    const step = (from: number): Migration => ({
      kind: 'board',
      from,
      to: from + 1,
      description: `step ${from}`,
      up: (doc) => ({ ...doc, log: [...(doc.log as number[]), from], [`seen${from}`]: doc.schemaVersion }),
    });
    // Given out of order on purpose: the sequence sorts them.
    const run = createMigrator([
      createMigrationSequence({ kind: 'board', version: 3, migrations: [step(2), step(0), step(1)] }),
    ]);
    expect(run({ kind: 'board', schemaVersion: 0, log: [] })).toEqual({
      ok: true,
      applied: ['board/1', 'board/2', 'board/3'],
      value: { kind: 'board', schemaVersion: 3, log: [0, 1, 2], seen0: 0, seen1: 1, seen2: 2 },
    });
    expect(run({ kind: 'board', schemaVersion: 2, log: [] })).toMatchObject({
      applied: ['board/3'],
      value: { schemaVersion: 3, log: [2] },
    });
  });

  it('keeps properties a migration does not know about, so validation reports them instead of losing them', () => {
    const input = { ...leaveRequestV0(), colour: 'red' };
    const result = testMigrate(input);
    expect(result.value).toMatchObject({ colour: 'red', schemaVersion: 1 });
    const validated = validateDefinition(result.value);
    expect(validated.ok ? [] : validated.issues).toEqual([
      expect.objectContaining({ pointer: '/colour', code: 'schema.additionalProperties', value: 'red' }),
    ]);
  });

  it('turns a migration that cannot carry a value over into a refusal, in both languages', () => {
    const input = leaveRequestV0();
    (input.fields as JsonObject[]).push({ key: 'signature', type: 'drawing' });
    const result = testMigrate(input);
    expect(result).toMatchObject({ ok: false, applied: [], value: input });
    expect(refusal(result)).toEqual({
      pointer: '/fields/3/type',
      code: 'migration.refused',
      message: { 'zh-CN': '无法转换字段类型 drawing', en: 'cannot convert field type drawing' },
      value: 'drawing',
    });
    const extra = leaveRequestV0();
    (extra.fields as JsonObject[])[2] = { key: 'reason', type: 'text', maxLines: 3 };
    expect(refusal(testMigrate(extra))).toMatchObject({
      pointer: '/fields/2/maxLines',
      code: 'migration.refused',
    });
  });

  it('refuses a version newer than the engine knows instead of guessing', () => {
    const input = { kind: 'form', id: 'x', schemaVersion: FORM_SCHEMA_VERSION + 1 };
    const result = migrate(input);
    expect(result.value).toBe(input);
    const issue = refusal(result);
    expect(issue).toMatchObject({
      pointer: '/schemaVersion',
      code: 'migration.newerVersion',
      value: FORM_SCHEMA_VERSION + 1,
    });
    expect(issue.message.en).toBe(
      `this form definition has schemaVersion ${FORM_SCHEMA_VERSION + 1}, newer than this engine supports (${FORM_SCHEMA_VERSION}); upgrade Formboard to open it without losing anything`,
    );
    expect(issue.message['zh-CN']).toContain('请先升级 Formboard');
  });

  it('refuses a missing or malformed schemaVersion', () => {
    expect(refusal(migrate({ kind: 'form', id: 'x' }))).toMatchObject({
      pointer: '',
      code: 'migration.missingVersion',
      message: { en: expect.stringContaining('missing schemaVersion') },
    });
    for (const bad of ['1', 1.5, -1, null, true, [1]]) {
      const issue = refusal(migrate({ kind: 'form', id: 'x', schemaVersion: bad }));
      expect(issue).toMatchObject({
        pointer: '/schemaVersion',
        code: 'migration.invalidVersion',
        value: bad,
      });
      expect(issue.message['zh-CN']).toContain('schemaVersion 应为不小于 0 的整数');
      expect(issue.message.en).toMatch(/not ("1"|1.5|-1|null|true|an array)$/);
    }
  });

  it('describes a wrong schemaVersion briefly, however big or deep it is', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20_000; i++) deep = [deep];
    const issue = refusal(migrate({ kind: 'form', id: 'x', schemaVersion: deep }));
    expect(issue.message.en).toBe(
      'schemaVersion must be a whole number ≥ 0 (the current version is 1), not an array',
    );
    const long = refusal(migrate({ kind: 'form', id: 'x', schemaVersion: 'v'.repeat(100_000) }));
    expect(long.message.en.length).toBeLessThan(200);
  });

  it('refuses a version older than the oldest migration', () => {
    // The real registry has no step from 0 yet; the synthetic one starts at 0.
    expect(refusal(migrate(leaveRequestV0()))).toMatchObject({
      pointer: '/schemaVersion',
      code: 'migration.unsupportedVersion',
      message: {
        en: 'cannot upgrade a form definition from schemaVersion 0: this engine opens versions 1 to 1',
      },
    });
    expect(refusal(testMigrate({ ...leaveRequestV0(), schemaVersion: -0.5 })).code).toBe(
      'migration.invalidVersion',
    );
  });

  it('reports a crashing migration as an issue naming it, never throws, and does not touch the input', () => {
    const crashing = createMigrator([
      createMigrationSequence({
        kind: 'form',
        version: 1,
        migrations: [
          {
            kind: 'form',
            from: 0,
            to: 1,
            description: 'broken',
            up: (doc) => {
              doc.touched = true;
              throw new Error('boom');
            },
          },
        ],
      }),
    ]);
    const input = leaveRequestV0();
    const issue = refusal(crashing(input));
    expect(issue).toMatchObject({ pointer: '', code: 'migration.failed' });
    expect(issue.message.en).toBe('upgrading the form definition failed (form/1): Error: boom');
    expect(input).not.toHaveProperty('touched');
    const notAnObject = createMigrator([
      createMigrationSequence({
        kind: 'form',
        version: 1,
        migrations: [{ kind: 'form', from: 0, to: 1, description: 'wrong', up: () => [] as never }],
      }),
    ]);
    expect(refusal(notAnObject(leaveRequestV0())).message.en).toContain('form/1 returned object');
  });

  it('passes through what is not a definition of a known kind, for validation to judge', () => {
    for (const value of [null, 3, 'form', [1], { kind: 'spreadsheet', schemaVersion: 99 }, { id: 'x' }]) {
      const result = migrate(value);
      expect(result).toEqual({ ok: true, value, applied: [] });
    }
  });
});

describe('migration sequences', () => {
  const step = (from: number, to = from + 1, kind = 'form'): Migration => ({
    kind,
    from,
    to,
    description: '',
    up: (doc) => doc,
  });

  it('reject malformed sequences when they are built', () => {
    const build = (version: number, migrations: Migration[]) => () =>
      createMigrationSequence({ kind: 'form', version, migrations });
    expect(build(2, [step(0), step(1)])).not.toThrow();
    expect(build(2, [step(0), step(1, 3)])).toThrow('form/3 goes from 1 to 3');
    expect(build(3, [step(0), step(2)])).toThrow('followed by a migration from 2, not 1');
    expect(build(2, [step(0), step(0), step(1)])).toThrow('followed by a migration from 0, not 1');
    expect(build(3, [step(0), step(1)])).toThrow('the last migration reaches 2, not version 3');
    expect(build(1, [step(0, 1, 'dashboard')])).toThrow('dashboard/1 belongs to dashboard');
    expect(build(1.5, [])).toThrow('version 1.5 is not an integer');
    const sequence = createMigrationSequence({ kind: 'form', version: 1, migrations: [] });
    expect(() => createMigrator([sequence, sequence])).toThrow('two migration sequences for form');
  });

  it('cover every registered kind and end at the version its schema accepts', () => {
    for (const [name, kind] of DEFINITION_KINDS) {
      const schema = kind.schema as { properties?: { schemaVersion?: { const?: unknown } } };
      const sequence = MIGRATION_SEQUENCES.find((s) => s.kind === name);
      expect(sequence, `no migration sequence for ${name}`).toBeDefined();
      expect(sequence?.version).toBe(schema.properties?.schemaVersion?.const);
    }
  });
});

describe('validateDefinition runs migrate first', () => {
  it('reports a refused migration as its only issue', () => {
    const result = validateDefinition({ kind: 'form', id: 'x', schemaVersion: FORM_SCHEMA_VERSION + 1 });
    expect(result.ok ? [] : result.issues).toEqual([
      expect.objectContaining({ pointer: '/schemaVersion', code: 'migration.newerVersion' }),
    ]);
  });
});
