import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileFieldValidator,
  compileRecordValidator,
  type FormDefinition,
  toRecordSchema,
} from '../src/index.ts';

const form = JSON.parse(
  readFileSync(new URL('../fixtures/valid/form-kpi-scorecard.json', import.meta.url), 'utf8'),
) as FormDefinition;

const good = {
  employee: 'u-zhangsan',
  period: '2026-11-01',
  status: 'submitted',
  kpis: [
    { name: '交付准时率', weight: 60, target: 95, actual: 97 },
    { name: '一次合格率', weight: 40, target: 99, actual: 98.5 },
  ],
  reviewer: { name: '李四', email: 'lisi@example.com' },
};

describe('compileRecordValidator', () => {
  const validate = compileRecordValidator(form);

  it('accepts a good record', () => {
    expect(validate(good)).toEqual([]);
  });

  it('reports required fields with the form’s own message, by field path', () => {
    const { employee: _gone, ...rest } = good;
    expect(validate(rest)).toEqual([
      {
        pointer: '/employee',
        path: 'employee',
        keyword: 'required',
        message: { 'zh-CN': '请选择员工', en: 'Choose the employee' },
      },
    ]);
  });

  it('reports problems inside table rows with the row pointer and the column path', () => {
    const issues = validate({
      ...good,
      kpis: [
        { name: 'x', weight: 120, target: 1 },
        { weight: 1, target: 1 },
      ],
    });
    expect(issues).toEqual([
      {
        pointer: '/kpis/0/weight',
        path: 'kpis[].weight',
        keyword: 'maximum',
        message: { 'zh-CN': '不能大于 100', en: 'Must be <= 100' },
      },
      {
        pointer: '/kpis/1/name',
        path: 'kpis[].name',
        keyword: 'required',
        message: { 'zh-CN': '此项必填', en: 'This field is required' },
      },
    ]);
  });

  it('checks formats, options and unknown fields', () => {
    const issues = validate({
      ...good,
      period: '2026-13-01',
      status: 'done',
      extra: 1,
      reviewer: { name: 'a', email: 'nope' },
    });
    expect(issues.map((i) => [i.pointer, i.keyword])).toEqual([
      ['/extra', 'unknownField'],
      ['/period', 'format'],
      ['/status', 'enum'],
      ['/reviewer/email', 'format'],
    ]);
    expect(issues[1]?.message['zh-CN']).toBe('应为有效的日期');
  });

  it('turns options into enums and drops annotations', () => {
    const schema = toRecordSchema(form) as { properties: Record<string, Record<string, unknown>> };
    expect(schema.properties.status).toEqual({ type: 'string', enum: ['draft', 'submitted', 'approved'] });
    expect(schema.properties.totalWeight).toEqual({ type: 'number' });
  });
});

describe('compileFieldValidator', () => {
  it('checks one value with the same rules and messages as the record validator', () => {
    const weight = compileFieldValidator(form, 'kpis[].weight');
    expect(weight(50, true)).toEqual([]);
    expect(weight(120, true)).toEqual([
      { keyword: 'maximum', message: { 'zh-CN': '不能大于 100', en: 'Must be <= 100' } },
    ]);
    expect(weight('x', false).map((i) => i.keyword)).toEqual(['type']);
  });

  it('treats empty values as missing and uses the form’s required message', () => {
    const employee = compileFieldValidator(form, 'employee');
    expect(employee('', true)).toEqual([
      { keyword: 'required', message: { 'zh-CN': '请选择员工', en: 'Choose the employee' } },
    ]);
    expect(employee(undefined, false)).toEqual([]);
  });

  it('resolves fields in groups and options', () => {
    expect(compileFieldValidator(form, 'reviewer.email')('nope', false).map((i) => i.keyword)).toEqual([
      'format',
    ]);
    expect(compileFieldValidator(form, 'status')('done', false).map((i) => i.keyword)).toEqual(['enum']);
  });
});
