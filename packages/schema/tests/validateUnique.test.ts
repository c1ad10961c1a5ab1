import { describe, expect, it } from 'vitest';
import {
  type DefinitionIssue,
  type FormDefinition,
  fieldPointer,
  indexFields,
  uniqueKey,
  uniqueKeyText,
  validateDefinition,
} from '../src/index.ts';

type Json = Record<string, unknown>;

/** A breakthrough-point form as the starter pack has it, with "at most five a year, each rank once". */
const breakthrough = (unique: unknown[] = [yearRank()]): Json => ({
  kind: 'form',
  id: 'breakthrough',
  schemaVersion: 1,
  title: { 'zh-CN': '战略突破点', en: 'Breakthrough point' },
  data: {
    type: 'object',
    properties: {
      year: { type: 'integer', title: '年度' },
      rank: { type: 'integer', oneOf: [1, 2, 3, 4, 5].map((n) => ({ const: n })), title: '优先级' },
      title: { type: 'string', title: '突破点' },
      active: { type: 'boolean', title: '推进中' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, uniqueItems: true, title: '标签' },
      owner: {
        type: 'object',
        title: '负责人',
        properties: { id: { type: 'string', format: 'user', title: '工号' } },
      },
      kpis: {
        type: 'array',
        title: 'KPI',
        items: { type: 'object', properties: { code: { type: 'string', title: '编码' } } },
      },
    },
  },
  layout: { root: ['f'], nodes: { f: { type: 'field', path: 'year' } } },
  unique,
});

function yearRank(): Json {
  return {
    id: 'year-rank',
    fields: ['year', 'rank'],
    message: { 'zh-CN': '同一年的优先级不能重复', en: 'Each rank is used once a year' },
  };
}

function issues(json: unknown): DefinitionIssue[] {
  const result = validateDefinition(json);
  return result.ok ? [] : [...result.issues];
}

describe('validateDefinition: unique', () => {
  it('accepts constraints over fields outside tables that hold one value', () => {
    expect(issues(breakthrough())).toEqual([]);
    expect(
      issues(
        breakthrough([
          yearRank(),
          { id: 'title', fields: ['title'] },
          { id: 'owner-active', fields: ['owner.id', 'active'] },
        ]),
      ),
    ).toEqual([]);
  });

  it('refuses shapes the schema does not allow, by pointer', () => {
    expect(issues(breakthrough([{ id: 'x', fields: [] }]))).toEqual([
      expect.objectContaining({ pointer: '/unique/0/fields', code: 'schema.minItems' }),
    ]);
    expect(issues(breakthrough([{ id: 'x', fields: ['year', 'year'] }]))).toEqual([
      expect.objectContaining({ pointer: '/unique/0/fields', code: 'schema.uniqueItems' }),
    ]);
    expect(issues(breakthrough([{ fields: ['year'] }]))).toEqual([
      expect.objectContaining({ pointer: '/unique/0', code: 'schema.required' }),
    ]);
    expect(issues(breakthrough([{ id: 'has space', fields: ['year'] }]))).toEqual([
      expect.objectContaining({ pointer: '/unique/0/id', code: 'schema.pattern' }),
    ]);
    const nine = ['year', 'rank', 'title', 'active', 'owner.id', 'a', 'b', 'c', 'd'];
    expect(issues(breakthrough([{ id: 'wide', fields: nine }]))).toEqual([
      expect.objectContaining({ pointer: '/unique/0/fields', code: 'schema.maxItems' }),
    ]);
  });

  it('names unknown fields with a suggestion, and fields that do not hold one value', () => {
    const found = issues(
      breakthrough([{ id: 'x', fields: ['yaer', 'tags', 'kpis', 'kpis[].code', 'owner', 'rank'] }]),
    );
    expect(found.map((i) => [i.pointer, i.code, i.value])).toEqual([
      ['/unique/0/fields/0', 'unique.unknownField', 'yaer'],
      ['/unique/0/fields/1', 'unique.notScalar', 'tags'],
      ['/unique/0/fields/2', 'unique.notScalar', 'kpis'],
      ['/unique/0/fields/3', 'unique.notScalar', 'kpis[].code'],
      ['/unique/0/fields/4', 'unique.notScalar', 'owner'],
    ]);
    expect(found[0]?.message).toEqual({
      'zh-CN': '没有字段 yaer，是否想用 year？',
      en: 'there is no field yaer — did you mean year?',
    });
    expect(found[1]?.message['zh-CN']).toMatch(/^唯一约束只能用表格以外/);
  });

  it('refuses a repeated id and a second constraint over the same fields', () => {
    const found = issues(
      breakthrough([
        yearRank(),
        { id: 'year-rank', fields: ['title'] },
        { id: 'again', fields: ['rank', 'year'] },
      ]),
    );
    expect(found.map((i) => [i.pointer, i.code])).toEqual([
      ['/unique/1/id', 'unique.duplicateId'],
      ['/unique/2/fields', 'unique.sameFields'],
    ]);
    expect(found[1]?.message.en).toBe('the uniqueness constraint again names the same fields as year-rank');
  });
});

describe('uniqueKey', () => {
  const form = breakthrough([
    yearRank(),
    { id: 'title', fields: ['title'] },
    { id: 'owner-active', fields: ['owner.id', 'active'] },
  ]) as unknown as FormDefinition;
  const fields = indexFields(form.data);
  const [byYear, byTitle, byOwner] = form.unique ?? [];

  it('gives the values the store compares, in the order of the constraint’s fields', () => {
    expect(uniqueKey(byYear as never, fields, { rank: 2, year: 2026 })).toEqual([2026, 2]);
    expect(uniqueKey(byOwner as never, fields, { owner: { id: 'u1' }, active: false })).toEqual([
      'u1',
      false,
    ]);
    expect(uniqueKeyText([2026, 2])).toBe(uniqueKeyText([2026.0, 2]));
    expect(uniqueKeyText([0])).toBe(uniqueKeyText([-0]));
  });

  it('compares no record with a blank, or with a value of another kind than its field', () => {
    expect(uniqueKey(byYear as never, fields, { year: 2026 })).toBeUndefined();
    expect(uniqueKey(byYear as never, fields, { year: '2026', rank: 1 })).toBeUndefined();
    expect(uniqueKey(byTitle as never, fields, { title: '' })).toBeUndefined();
    expect(uniqueKey(byOwner as never, fields, { owner: 'u1', active: true })).toBeUndefined();
  });

  it('points at fields the way record issues do', () => {
    expect(fieldPointer('year')).toBe('/year');
    expect(fieldPointer('owner.id')).toBe('/owner/id');
    expect(fieldPointer('a/b')).toBe('/a~1b');
  });
});
