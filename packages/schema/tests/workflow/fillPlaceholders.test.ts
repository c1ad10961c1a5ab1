import { describe, expect, it } from 'vitest';
import { fillLocalized, fillPlaceholders, placeholders } from '../../src/workflow/fillPlaceholders.ts';

const values = {
  data: { title: '提升良率', progress: 42.456, owner: { name: '张三' }, tags: ['a', 'b'], done: true },
  variables: { streak: { values: [70, 75.125], periods: 2 }, event: 'updated', none: null },
};

describe('placeholders', () => {
  it('lists the names inside {{…}}, trimmed, in order', () => {
    expect(placeholders('{{ title }} at {{$streak.periods}}{{}} {x}')).toEqual([
      'title',
      '$streak.periods',
      '',
    ]);
    expect(placeholders('no placeholders')).toEqual([]);
  });
});

describe('fillPlaceholders', () => {
  it('fills fields and $variables, dotted paths reaching into objects', () => {
    expect(fillPlaceholders('{{title}} / {{owner.name}} / {{$event}}', values, 'en')).toBe(
      '提升良率 / 张三 / updated',
    );
  });

  it('shows numbers with two decimals at most, lists and yes/no per locale', () => {
    expect(fillPlaceholders('{{progress}}% {{$streak.values}} {{done}}', values, 'zh-CN')).toBe(
      '42.46% 70、75.13 是',
    );
    expect(fillPlaceholders('{{progress}}% {{$streak.values}} {{done}}', values, 'en')).toBe(
      '42.46% 70, 75.13 yes',
    );
  });

  it('leaves nothing for missing, null or inherited names, and JSON for objects', () => {
    expect(fillPlaceholders('[{{missing}}|{{$none}}|{{owner.name.x}}|{{toString}}]', values, 'en')).toBe(
      '[|||]',
    );
    expect(fillPlaceholders('{{owner}}', values, 'en')).toBe('{"name":"张三"}');
  });
});

describe('fillLocalized', () => {
  it('fills each locale’s text, falling back as localize does', () => {
    expect(fillLocalized({ 'zh-CN': '目标：{{title}}', en: 'Objective: {{title}}' }, values)).toEqual({
      'zh-CN': '目标：提升良率',
      en: 'Objective: 提升良率',
    });
    expect(fillLocalized('连续 {{$streak.periods}} 周', values)).toEqual({
      'zh-CN': '连续 2 周',
      en: '连续 2 周',
    });
  });
});
