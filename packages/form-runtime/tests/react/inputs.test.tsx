// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defineForm, field, renderForm } from './support.tsx';

const form = defineForm({
  properties: {
    name: { type: 'string', title: { 'zh-CN': '姓名', en: 'Name' }, maxLength: 20 },
    note: { type: 'string', title: '备注' },
    mail: { type: 'string', format: 'email', title: '邮箱' },
    site: { type: 'string', format: 'uri', title: '网址' },
    count: { type: 'integer', title: '数量', 'x-unit': { 'zh-CN': '件', en: 'pcs' }, maximum: 1000 },
    rate: { type: 'number', title: '完成率' },
    budget: { type: 'number', title: '预算' },
    story: { type: 'string', title: '说明' },
  },
  required: ['name'],
  nodes: {
    f1: field('name', { placeholder: { 'zh-CN': '请输入姓名', en: 'Your name' }, help: '与身份证一致' }),
    f2: field('note', { widget: 'textarea', props: { rows: 6 } }),
    f3: field('mail'),
    f4: field('site'),
    f5: field('count'),
    f6: field('rate', { widget: 'percent' }),
    f7: field('budget', { widget: 'currency', props: { currency: 'CNY' } }),
    f8: field('story', { widget: 'markdown' }),
  },
});

describe('text widgets', () => {
  it('types text into the engine, with placeholder, help text and a required marker', async () => {
    const { engine, user } = renderForm(form);
    const input = screen.getByRole('textbox', { name: '姓名' });
    expect(input).toHaveAttribute('placeholder', '请输入姓名');
    expect(input).toHaveAttribute('aria-required', 'true');
    expect(input).toHaveAttribute('maxlength', '20');
    expect(input).toHaveAccessibleDescription('与身份证一致');
    // The "*" comes from the stylesheet: the label is marked, the control's name stays "姓名".
    expect(document.querySelector(`label[for="${input.id}"]`)).toHaveClass('fb-label--required');
    await user.type(input, '张三');
    expect(engine.getValue('name')).toBe('张三');
    await user.clear(input);
    expect(engine.getValue('name')).toBeUndefined();
  });

  it('shows a required error under the field after it loses focus, wired with aria', async () => {
    const { user } = renderForm(form);
    const input = screen.getByRole('textbox', { name: '姓名' });
    await user.click(input);
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('与身份证一致 此项必填');
  });

  it('uses a textarea, e-mail and url inputs', async () => {
    const { engine, user } = renderForm(form);
    const note = screen.getByRole('textbox', { name: '备注' });
    expect(note.tagName).toBe('TEXTAREA');
    expect(note).toHaveAttribute('rows', '6');
    await user.type(note, '第一行{enter}第二行');
    expect(engine.getValue('note')).toBe('第一行\n第二行');
    expect(screen.getByRole('textbox', { name: '邮箱' })).toHaveAttribute('type', 'email');
    expect(screen.getByRole('textbox', { name: '网址' })).toHaveAttribute('type', 'url');
    await user.type(screen.getByRole('textbox', { name: '说明' }), '**重点**');
    expect(engine.getValue('story')).toBe('**重点**');
  });
});

describe('number widgets', () => {
  it('stores numbers, shows the unit and accepts full-width digits and grouping', async () => {
    const { engine, user } = renderForm(form);
    const count = screen.getByRole('textbox', { name: '数量' });
    expect(count).toHaveAttribute('inputmode', 'decimal');
    expect(count).toHaveAccessibleDescription('件');
    await user.type(count, '１２');
    expect(engine.getValue('count')).toBe(12);
    await user.clear(count);
    await user.type(count, '1,000');
    expect(engine.getValue('count')).toBe(1000);
  });

  it('keeps "1." while typing a decimal', async () => {
    const { engine, user } = renderForm(form);
    const rate = screen.getByRole('textbox', { name: '完成率' });
    await user.type(rate, '1.');
    expect(rate).toHaveValue('1.');
    expect(engine.getValue('rate')).toBe(1);
    await user.type(rate, '5');
    expect(engine.getValue('rate')).toBe(1.5);
  });

  it('passes text that is not a number on, so the engine says it must be a number', async () => {
    const { user } = renderForm(form);
    const count = screen.getByRole('textbox', { name: '数量' });
    await user.type(count, 'abc');
    await user.tab();
    expect(count).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('应为整数')).toBeInTheDocument();
  });

  it('shows % after a percentage and the currency symbol before an amount', async () => {
    const { engine, user } = renderForm(form);
    expect(screen.getByRole('textbox', { name: '完成率' })).toHaveAccessibleDescription('%');
    const budget = screen.getByRole('textbox', { name: '预算' });
    expect(budget).toHaveAccessibleDescription('¥');
    await user.type(budget, '1234.5');
    expect(engine.getValue('budget')).toBe(1234.5);
  });

  it('checks the maximum with the engine’s message', async () => {
    const { user } = renderForm(form, { locale: 'en' });
    const count = screen.getByRole('textbox', { name: '数量' });
    await user.type(count, '5000');
    await user.tab();
    expect(count).toHaveAccessibleDescription('pcs Must be <= 1000');
  });
});
