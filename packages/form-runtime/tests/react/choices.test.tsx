// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defineForm, field, renderForm } from './support.tsx';

const city = {
  type: 'string',
  title: { 'zh-CN': '城市', en: 'City' },
  oneOf: [
    { const: 'sh', title: { 'zh-CN': '上海', en: 'Shanghai' } },
    { const: 'sz', title: { 'zh-CN': '深圳', en: 'Shenzhen' } },
    { const: 'su', title: { 'zh-CN': '苏州', en: 'Suzhou' } },
  ],
};
const form = defineForm({
  properties: {
    city,
    plant: { ...city, title: '工厂' },
    level: { type: 'integer', title: '等级', enum: [1, 2, 3] },
    skills: {
      type: 'array',
      title: '技能',
      uniqueItems: true,
      items: {
        type: 'string',
        oneOf: [
          { const: 'weld', title: '焊接' },
          { const: 'cnc', title: '数控' },
          { const: 'qa', title: '质检' },
        ],
      },
    },
    tools: {
      type: 'array',
      title: '工具',
      uniqueItems: true,
      items: { type: 'string', enum: ['扳手', '卡尺', '万用表'] },
    },
    tags: { type: 'array', title: '标签', uniqueItems: true, items: { type: 'string' } },
    shift: { ...city, title: '班次' },
    remote: { type: 'boolean', title: '远程' },
    agree: { type: 'boolean', title: '同意' },
  },
  nodes: {
    a: field('city'),
    b: field('plant', { props: { searchable: true } }),
    c: field('level'),
    d: field('skills', { widget: 'checkboxes' }),
    e: field('tools', { widget: 'multiSelect' }),
    f: field('tags', { widget: 'tags' }),
    g: field('shift', { widget: 'radio' }),
    h: field('remote'),
    i: field('agree', { widget: 'checkbox' }),
  },
});

describe('select', () => {
  it('picks one option from a native select and stores its value', async () => {
    const { engine, user } = renderForm(form);
    const select = screen.getByRole('combobox', { name: '城市' });
    expect(select.tagName).toBe('SELECT');
    await user.selectOptions(select, '深圳');
    expect(engine.getValue('city')).toBe('sz');
    await user.selectOptions(select, '请选择');
    expect(engine.getValue('city')).toBeUndefined();
  });

  it('keeps number options as numbers', async () => {
    const { engine, user } = renderForm(form);
    await user.selectOptions(screen.getByRole('combobox', { name: '等级' }), '2');
    expect(engine.getValue('level')).toBe(2);
  });

  it('searches a searchable select, picks with arrows and Enter', async () => {
    const { engine, user } = renderForm(form);
    const input = screen.getByRole('combobox', { name: '工厂' });
    expect(input).toHaveAttribute('aria-expanded', 'false');
    await user.type(input, '苏');
    expect(input).toHaveAttribute('aria-expanded', 'true');
    const listbox = screen.getByRole('listbox', { name: '工厂' });
    expect(
      within(listbox)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['苏州']);
    await user.keyboard('{Enter}');
    expect(engine.getValue('plant')).toBe('su');
    expect(input).toHaveValue('苏州');
    await user.clear(input);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(engine.getValue('plant')).toBe('sz');
    await user.clear(input);
    await user.tab();
    expect(engine.getValue('plant')).toBeUndefined();
  });

  it('says so when nothing matches, and Escape closes the list', async () => {
    const { user } = renderForm(form);
    const input = screen.getByRole('combobox', { name: '工厂' });
    await user.type(input, '北京');
    expect(await screen.findByText('没有匹配的选项')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(input).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('multiple choice', () => {
  it('toggles checkboxes, keeping the options’ order', async () => {
    const { engine, user } = renderForm(form);
    const group = screen.getByRole('group', { name: '技能' });
    await user.click(within(group).getByRole('checkbox', { name: '质检' }));
    await user.click(within(group).getByRole('checkbox', { name: '焊接' }));
    expect(engine.getValue('skills')).toEqual(['weld', 'qa']);
    await user.click(within(group).getByRole('checkbox', { name: '焊接' }));
    expect(engine.getValue('skills')).toEqual(['qa']);
  });

  it('picks several options as chips and removes them by button or Backspace', async () => {
    const { engine, user } = renderForm(form);
    const input = screen.getByRole('combobox', { name: '工具' });
    await user.click(input);
    await user.click(await screen.findByRole('option', { name: '卡尺' }));
    await user.type(input, '万');
    await user.keyboard('{Enter}');
    expect(engine.getValue('tools')).toEqual(['卡尺', '万用表']);
    await user.click(screen.getByRole('button', { name: '移除 卡尺' }));
    expect(engine.getValue('tools')).toEqual(['万用表']);
    await user.click(input);
    await user.keyboard('{Escape}{Backspace}');
    expect(engine.getValue('tools')).toBeUndefined();
  });

  it('adds free tags with Enter when the field has no options', async () => {
    const { engine, user } = renderForm(form);
    const input = screen.getByRole('combobox', { name: '标签' });
    await user.type(input, '夜班{Enter}');
    await user.type(input, '骨干{Enter}');
    expect(engine.getValue('tags')).toEqual(['夜班', '骨干']);
    expect(screen.getByRole('list', { name: '标签' })).toHaveTextContent('夜班×骨干×');
  });
});

describe('radio and toggles', () => {
  it('picks a radio option by click and by arrow keys', async () => {
    const { engine, user } = renderForm(form);
    const group = screen.getByRole('radiogroup', { name: '班次' });
    await user.click(within(group).getByRole('radio', { name: '上海' }));
    expect(engine.getValue('shift')).toBe('sh');
    await user.keyboard('{ArrowDown}');
    expect(engine.getValue('shift')).toBe('sz');
    expect(within(group).getByRole('radio', { name: '深圳' })).toBeChecked();
  });

  it('toggles a switch with Space and a checkbox with a click', async () => {
    const { engine, user } = renderForm(form);
    const toggle = screen.getByRole('switch', { name: '远程' });
    toggle.focus();
    await user.keyboard(' ');
    expect(engine.getValue('remote')).toBe(true);
    expect(toggle).toBeChecked();
    await user.keyboard(' ');
    expect(engine.getValue('remote')).toBe(false);
    await user.click(screen.getByRole('checkbox', { name: '同意' }));
    expect(engine.getValue('agree')).toBe(true);
  });
});
