import { describe, expect, it } from 'vitest';
import {
  compileRollupWhere,
  type DefinitionIssue,
  type FormDefinition,
  type FormRollup,
  indexFields,
  rollupValue,
  validateDefinition,
} from '../src/index.ts';

type Json = Record<string, unknown>;

const keyResult = (): Json => ({
  kind: 'form',
  id: 'key-result',
  schemaVersion: 1,
  title: { 'zh-CN': '关键结果', en: 'Key result' },
  data: {
    type: 'object',
    properties: {
      objective: { type: 'string', format: 'record', 'x-form': 'objective', title: '目标' },
      status: { type: 'string', enum: ['onTrack', 'atRisk', 'offTrack'], title: '状态' },
      progress: { type: 'number', title: '进度' },
      due: { type: 'string', format: 'date', title: '截止' },
      checks: {
        type: 'array',
        title: '记录',
        items: { type: 'object', properties: { value: { type: 'number', title: '值' } } },
      },
    },
  },
  layout: { root: ['f'], nodes: { f: { type: 'field', path: 'objective' } } },
});

/** An objective counting its key results at risk (`where`), beside the key-result form. */
const objective = (where: string): Json => ({
  kind: 'form',
  id: 'objective',
  schemaVersion: 1,
  title: { 'zh-CN': '目标', en: 'Objective' },
  data: {
    type: 'object',
    properties: {
      title: { type: 'string', title: '目标' },
      atRisk: { type: 'number', title: '有风险的关键结果' },
    },
  },
  layout: { root: ['f'], nodes: { f: { type: 'field', path: 'title' } } },
  rollups: [{ target: 'atRisk', from: 'key-result', via: 'objective', measure: 'count', where }],
});

function issues(json: unknown, forms: Json[] = [keyResult()]): DefinitionIssue[] {
  const byId = new Map(forms.map((f) => [f.id, f as unknown as FormDefinition]));
  const result = validateDefinition(json, { form: (id) => byId.get(id) });
  return result.ok ? [] : [...result.issues];
}

describe('validateDefinition: a roll-up’s where', () => {
  it('accepts a TRUE/FALSE formula over the source form’s fields, tables included', () => {
    expect(issues(objective('status = "atRisk"'))).toEqual([]);
    expect(
      issues(objective('AND(progress < 0.5, due < DATE(2026, 12, 31), SUM(checks[].value) > 0)')),
    ).toEqual([]);
  });

  it('type-checks it against the source form, not this one', () => {
    const found = issues(objective('atRisk > 0'));
    expect(found).toEqual([
      expect.objectContaining({
        pointer: '/rollups/0/where',
        code: 'formula.unknownField',
        value: 'atRisk > 0',
      }),
    ]);
    expect(issues(objective('staus = "atRisk"'))[0]?.message.en).toMatch(/did you mean status/);
  });

  it('wants TRUE or FALSE, no variables and no clock', () => {
    expect(issues(objective('progress'))).toEqual([
      expect.objectContaining({ pointer: '/rollups/0/where', code: 'formula.notLogical' }),
    ]);
    const user = issues(objective('$user.id = "u1"'));
    expect(user).toEqual([
      expect.objectContaining({ pointer: '/rollups/0/where', code: 'rollup.whereVariable' }),
    ]);
    expect(user[0]?.message.en).toMatch(
      /^a roll-up condition reads only the fields of its source form, not \$user\.id/,
    );
    expect(issues(objective('due < $today'))).toEqual([
      expect.objectContaining({ pointer: '/rollups/0/where', code: 'rollup.whereVariable' }),
    ]);
    const clock = issues(objective('due < TODAY()'));
    expect(clock).toEqual([
      expect.objectContaining({ pointer: '/rollups/0/where', code: 'rollup.whereVariable' }),
    ]);
    expect(clock[0]?.message['zh-CN']).toMatch(
      /^汇总条件只能读来源表单的字段，不能读 \$today（包括 TODAY\(\)、NOW\(\)）/,
    );
  });

  it('is checked only when the source form is known (as the other cross-form checks)', () => {
    expect(validateDefinition(objective('atRisk > 0'))).toMatchObject({ ok: true });
  });
});

describe('compileRollupWhere', () => {
  const fields = indexFields((keyResult() as unknown as FormDefinition).data);
  const rollup = (where: string, measure: FormRollup['measure'] = 'count', field?: string): FormRollup => ({
    target: 'atRisk',
    from: 'key-result',
    via: 'objective',
    measure,
    where,
    ...(field ? { field } : {}),
  });
  const krs = [
    { status: 'atRisk', progress: 0.2, due: '2026-11-30' },
    { status: 'onTrack', progress: 0.9, due: '2027-01-15' },
    { status: 'atRisk', progress: 0.4 },
    { progress: 0.1 },
  ];

  it('lets through exactly the children whose formula gives TRUE', () => {
    const atRisk = rollup('status = "atRisk"');
    expect(rollupValue(atRisk, krs, 'number', compileRollupWhere(atRisk, fields))).toBe(2);
    const low = rollup('progress < 0.5', 'sum', 'progress');
    expect(rollupValue(low, krs, 'number', compileRollupWhere(low, fields))).toBeCloseTo(0.7, 12);
    // Dates are read as dates (a blank one compares as less than any date, as in Excel).
    const early = rollup('AND(NOT(ISBLANK(due)), due < DATE(2027, 1, 1))');
    expect(rollupValue(early, krs, 'number', compileRollupWhere(early, fields))).toBe(1);
    // An error (#DIV/0!) is not TRUE either.
    const broken = rollup('1 / 0 > 0');
    expect(rollupValue(broken, krs, 'number', compileRollupWhere(broken, fields))).toBe(0);
  });

  it('is undefined without a where, and refuses to be skipped when there is one', () => {
    const { where: _where, ...plain } = rollup('TRUE');
    expect(compileRollupWhere(plain, fields)).toBeUndefined();
    expect(() => rollupValue(rollup('TRUE'), krs)).toThrow(/compileRollupWhere/);
  });
});
