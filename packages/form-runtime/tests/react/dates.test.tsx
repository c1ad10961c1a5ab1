// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defineForm, field, renderForm } from './support.tsx';

const form = defineForm({
  properties: {
    day: { type: 'string', format: 'date', title: { 'zh-CN': '日期', en: 'Date' } },
    at: { type: 'string', format: 'date-time', title: { 'zh-CN': '时间', en: 'Time' } },
    window: { type: 'string', title: { 'zh-CN': '考核期', en: 'Review window' } },
  },
  nodes: {
    a: field('day'),
    b: field('at'),
    c: field('window', { widget: 'dateRange' }),
  },
});

describe('date widgets', () => {
  it('stores a calendar date from a date input', async () => {
    const { engine, user } = renderForm(form);
    const input = screen.getByLabelText('日期');
    expect(input).toHaveAttribute('type', 'date');
    await user.type(input, '2026-11-30');
    expect(engine.getValue('day')).toBe('2026-11-30');
  });

  it('stores a date-time with the form time zone’s offset and shows it back as wall-clock time', () => {
    const { engine } = renderForm(form, { engineOptions: { value: { at: '2026-11-27T02:30:00Z' } } });
    const input = screen.getByLabelText('时间');
    expect(input).toHaveAttribute('type', 'datetime-local');
    expect(input).toHaveValue('2026-11-27T10:30');
    fireEvent.change(input, { target: { value: '2026-11-28T09:15' } });
    expect(engine.getValue('at')).toBe('2026-11-28T09:15:00+08:00');
  });

  it('uses another time zone when told', () => {
    const { engine } = renderForm(form, { timeZone: 'Europe/Berlin' });
    fireEvent.change(screen.getByLabelText('时间'), { target: { value: '2026-07-01T12:00' } });
    expect(engine.getValue('at')).toBe('2026-07-01T12:00:00+02:00');
  });

  it('keeps a date range as an ISO interval, in a labelled group of two dates', () => {
    const { engine } = renderForm(form);
    const group = screen.getByRole('group', { name: '考核期' });
    const start = within(group).getByLabelText('开始日期');
    const end = within(group).getByLabelText('结束日期');
    fireEvent.change(start, { target: { value: '2026-11-01' } });
    expect(engine.getValue('window')).toBe('2026-11-01/');
    fireEvent.change(end, { target: { value: '2026-11-30' } });
    expect(engine.getValue('window')).toBe('2026-11-01/2026-11-30');
    expect(start).toHaveAttribute('max', '2026-11-30');
    expect(end).toHaveAttribute('min', '2026-11-01');
    fireEvent.change(start, { target: { value: '' } });
    fireEvent.change(end, { target: { value: '' } });
    expect(engine.getValue('window')).toBeUndefined();
  });

  it('formats dates by locale in read-only mode', () => {
    const value = { day: '2026-11-01', at: '2026-11-27T02:30:00Z', window: '2026-11-01/2026-11-30' };
    const zh = renderForm(form, { readOnly: true, engineOptions: { value } });
    expect(zh.container).toHaveTextContent('2026年11月1日');
    expect(zh.container).toHaveTextContent('2026年11月27日 10:30');
    expect(zh.container).toHaveTextContent('2026/11/1 – 2026/11/30');
    zh.unmount();
    const en = renderForm(form, { readOnly: true, locale: 'en', engineOptions: { value } });
    expect(en.container).toHaveTextContent('Nov 1, 2026');
    expect(en.container).toHaveTextContent('Nov 27, 2026, 10:30 AM');
    expect(en.container).toHaveTextContent('Nov 1 – 30, 2026');
  });
});
