import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type DefinitionIssue,
  type FormDefinition,
  type FormRollup,
  rollupValue,
  validateDefinition,
} from '../src/index.ts';

type Json = Record<string, unknown>;

const objective = (): Json =>
  JSON.parse(
    readFileSync(new URL('../fixtures/rollups/form-okr-objective.json', import.meta.url), 'utf8'),
  ) as Json;

/** The key-result form the objective fixture rolls up from. */
const keyResult = (): Json => ({
  kind: 'form',
  id: 'key-result',
  schemaVersion: 1,
  title: { 'zh-CN': '关键结果', en: 'Key result' },
  data: {
    type: 'object',
    properties: {
      objective: { type: 'string', format: 'record', 'x-form': 'objective', title: '目标' },
      owner: { type: 'string', format: 'user', title: '负责人' },
      progress: { type: 'number', title: '进度' },
      weight: { type: 'number', title: '权重' },
      lastCheckIn: { type: 'string', format: 'date', title: '最近进展' },
      notes: { type: 'string', title: '说明' },
      checks: {
        type: 'array',
        items: { type: 'object', properties: { value: { type: 'number', title: '值' } } },
        title: '记录',
      },
    },
  },
  layout: { root: ['f'], nodes: { f: { type: 'field', path: 'objective' } } },
});

/** A deep copy of the objective fixture with `edit` applied to its roll-ups. */
function withRollups(edit: (rollups: Json[]) => void, form = objective()): Json {
  edit(form.rollups as Json[]);
  return form;
}

/** The issues of a definition, validated beside `forms` when given (else alone, as storage does). */
function issues(json: unknown, forms?: Json[]): DefinitionIssue[] {
  const byId = new Map(forms?.map((f) => [f.id, f as unknown as FormDefinition]));
  const result = validateDefinition(json, forms ? { form: (id) => byId.get(id) } : {});
  return result.ok ? [] : [...result.issues];
}

describe('validateDefinition: roll-ups', () => {
  it('accepts the objective fixture, alone (its own tree) and beside the key results it reads', () => {
    expect(validateDefinition(objective())).toMatchObject({ ok: true });
    expect(issues(objective(), [keyResult()])).toEqual([]);
  });

  it('refuses roll-ups the schema does not know, by pointer', () => {
    const found = issues(withRollups((r) => Object.assign(r[0] as Json, { measure: 'median' })));
    expect(found).toEqual([expect.objectContaining({ pointer: '/rollups/0/measure', code: 'schema.enum' })]);
    const missing = issues(withRollups((r) => delete (r[1] as Json).via));
    expect(missing).toEqual([expect.objectContaining({ pointer: '/rollups/1', code: 'schema.required' })]);
  });

  it('checks the target: a field of this form, of the measure’s kind, set by nothing else', () => {
    const cases: [(r: Json[]) => void, string, string][] = [
      [
        (r) => Object.assign(r[1] as Json, { target: 'keyResult' }),
        '/rollups/1/target',
        'rollup.unknownField',
      ],
      [(r) => Object.assign(r[1] as Json, { target: 'title' }), '/rollups/1/target', 'rollup.targetType'],
      [(r) => Object.assign(r[1] as Json, { target: 'progress' }), '/rollups/1/target', 'rollup.targetTaken'],
      [(r) => Object.assign(r[1] as Json, { target: 'health' }), '/rollups/1/target', 'rollup.targetTaken'],
      // A second roll-up into a field that already has one.
      [
        (r) => Object.assign(r[3] as Json, { target: 'lastCheckIn' }),
        '/rollups/3/target',
        'rollup.targetTaken',
      ],
    ];
    for (const [edit, pointer, code] of cases)
      expect(issues(withRollups(edit), [keyResult()])).toContainEqual(
        expect.objectContaining({ pointer, code }),
      );
    const typo = issues(withRollups((r) => Object.assign(r[1] as Json, { target: 'keyResult' })));
    expect(typo[0]?.message).toEqual({
      'zh-CN': '本表单没有字段 keyResult，是否想用 keyResults？',
      en: 'this form has no field keyResult — did you mean keyResults?',
    });
    const health = issues(withRollups((r) => Object.assign(r[1] as Json, { target: 'health' })));
    expect(health[0]?.message.en).toBe('health is already set by a computed formula; a field has one source');
  });

  it('checks the source form and its reference back to this form', () => {
    expect(
      issues(
        withRollups((r) => Object.assign(r[0] as Json, { from: 'key-results' })),
        [keyResult()],
      ),
    ).toEqual([
      expect.objectContaining({
        pointer: '/rollups/0/from',
        code: 'rollup.unknownForm',
        value: 'key-results',
      }),
    ]);
    const notARef = issues(
      withRollups((r) => Object.assign(r[1] as Json, { via: 'owner' })),
      [keyResult()],
    );
    expect(notARef).toEqual([
      expect.objectContaining({ pointer: '/rollups/1/via', code: 'rollup.viaNotReference' }),
    ]);
    expect(notARef[0]?.message['zh-CN']).toBe(
      'key-result 的 owner 不是指向本表单（objective）记录的关联字段',
    );
    // A tree of records: the field must point at this very form.
    const wrongTree = issues(withRollups((r) => Object.assign(r[3] as Json, { via: 'title' })));
    expect(wrongTree).toEqual([
      expect.objectContaining({ pointer: '/rollups/3/via', code: 'rollup.viaNotReference' }),
    ]);
    // Without the other forms, only what this form says is checked.
    expect(issues(withRollups((r) => Object.assign(r[1] as Json, { via: 'owner' })))).toEqual([]);
  });

  it('checks field and weight against the measure', () => {
    const cases: [(r: Json[]) => void, string, string][] = [
      [(r) => delete (r[0] as Json).field, '/rollups/0/field', 'rollup.fieldRequired'],
      [(r) => Object.assign(r[0] as Json, { field: 'notes' }), '/rollups/0/field', 'rollup.fieldType'],
      [(r) => Object.assign(r[0] as Json, { field: 'progres' }), '/rollups/0/field', 'rollup.unknownField'],
      [
        (r) => Object.assign(r[0] as Json, { field: 'checks[].value' }),
        '/rollups/0/field',
        'rollup.fieldType',
      ],
      [(r) => delete (r[0] as Json).weight, '/rollups/0/weight', 'rollup.weightRequired'],
      [(r) => Object.assign(r[0] as Json, { weight: 'notes' }), '/rollups/0/weight', 'rollup.weightType'],
      [(r) => Object.assign(r[1] as Json, { weight: 'weight' }), '/rollups/1/weight', 'rollup.weightUnused'],
      // The greatest date goes into a date field, the greatest number into a number field.
      [(r) => Object.assign(r[2] as Json, { field: 'progress' }), '/rollups/2/target', 'rollup.targetType'],
      [
        (r) => Object.assign(r[0] as Json, { measure: 'sum', weight: undefined, field: 'lastCheckIn' }),
        '/rollups/0/field',
        'rollup.fieldType',
      ],
    ];
    for (const [edit, pointer, code] of cases) {
      const found = issues(JSON.parse(JSON.stringify(withRollups(edit))), [keyResult()]);
      expect(found, `${pointer} ${code}`).toEqual([expect.objectContaining({ pointer, code })]);
      expect(found[0]?.message['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses forms that roll up from each other, but not a form that rolls up its own tree', () => {
    const kr = keyResult();
    kr.rollups = [{ target: 'weight', from: 'objective', via: 'owner', measure: 'count' }];
    (kr.data as { properties: Json }).properties.owner = {
      type: 'string',
      format: 'record',
      'x-form': 'objective',
      title: '目标 2',
    };
    const found = issues(objective(), [kr]);
    expect(found).toContainEqual(
      expect.objectContaining({ pointer: '/rollups/0/from', code: 'rollup.cycle', value: 'key-result' }),
    );
    expect(found.find((i) => i.code === 'rollup.cycle')?.message.en).toBe(
      'the roll-ups go round in a circle: objective ← key-result ← objective',
    );
  });
});

describe('rollupValue', () => {
  const progress: FormRollup = {
    target: 'progress',
    from: 'key-result',
    via: 'objective',
    measure: 'weightedAvg',
    field: 'progress',
    weight: 'weight',
  };
  const krs = [
    { progress: 0.5, weight: 40 },
    { progress: 0.2, weight: 60 },
    { progress: 'late', weight: 10 },
    { weight: 20 },
    { progress: 1 },
  ];
  const as = (measure: FormRollup['measure'], field?: string): FormRollup => {
    const { weight: _weight, field: _field, ...rest } = progress;
    return { ...rest, measure, ...(field ? { field } : {}) };
  };

  it('combines the children’s numbers, ignoring blanks and values of another type', () => {
    expect(rollupValue(progress, krs)).toBeCloseTo((0.5 * 40 + 0.2 * 60) / 100, 12);
    expect(rollupValue(as('count'), krs)).toBe(5);
    expect(rollupValue(as('count', 'progress'), krs)).toBe(4);
    expect(rollupValue(as('sum', 'progress'), krs)).toBeCloseTo(1.7, 12);
    expect(rollupValue(as('avg', 'progress'), krs)).toBeCloseTo(1.7 / 3, 12);
    expect(rollupValue(as('min', 'progress'), krs)).toBe(0.2);
    expect(rollupValue(as('max', 'progress'), krs)).toBe(1);
  });

  it('gives 0 to counts and sums of nothing, and leaves the others blank', () => {
    expect(rollupValue(as('count'), [])).toBe(0);
    expect(rollupValue(as('sum', 'progress'), [])).toBe(0);
    for (const measure of ['avg', 'min', 'max'] as const)
      expect(rollupValue(as(measure, 'progress'), [])).toBeUndefined();
    expect(rollupValue(progress, [])).toBeUndefined();
    expect(rollupValue(progress, [{ progress: 0.4, weight: 0 }])).toBeUndefined();
  });

  it('picks the earliest and latest dates as text', () => {
    const dates = [{ d: '2026-11-13' }, { d: '2026-10-30' }, {}, { d: '' }];
    expect(rollupValue(as('max', 'd'), dates, 'text')).toBe('2026-11-13');
    expect(rollupValue(as('min', 'd'), dates, 'text')).toBe('2026-10-30');
  });

  it('gives the same bits whatever order the children come in, and keeps progress within 0–1', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      progress: ((i * 37) % 41) / 41,
      weight: (i % 7) + 0.1,
    }));
    const reversed = [...many].reverse();
    expect(rollupValue(progress, reversed)).toBe(rollupValue(progress, many));
    const done = Array.from({ length: 9 }, (_, i) => ({ progress: 1, weight: 0.1 * (i + 1) }));
    expect(rollupValue(progress, done)).toBe(1);
  });
});
