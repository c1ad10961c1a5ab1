// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createFormatters, RENDERER_MESSAGES } from '../../src/index.ts';
import { everythingForm, everythingHost } from './everything.ts';
import { renderForm, scorecardDefinition } from './support.tsx';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

/** Every built-in message of a locale as text (functions called with sample arguments). */
function allMessages(locale: 'zh-CN' | 'en'): Record<string, string> {
  return Object.fromEntries(
    Object.entries(RENDERER_MESSAGES[locale]).map(([key, value]) => [
      key,
      typeof value === 'function' ? String((value as (...a: unknown[]) => unknown)(2, 5)) : String(value),
    ]),
  );
}

describe('zh-CN and en', () => {
  it('has every built-in message in both locales: Chinese in zh-CN, none in en', () => {
    const zh = allMessages('zh-CN');
    const en = allMessages('en');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zh)) {
      expect(text, key).not.toBe('');
      expect(text, key).not.toBe(en[key]);
    }
    expect(Object.values(en).filter((text) => CJK.test(text))).toEqual([]);
  });

  it('shows labels, options, built-in strings and validation messages in English', async () => {
    const { container, user } = renderForm(everythingForm, { locale: 'en', host: everythingHost });
    expect(screen.getByRole('heading', { name: 'Test form' })).toBeInTheDocument();
    expect(
      within(screen.getByRole('combobox', { name: 'Pick' })).getByRole('option', { name: 'Option A' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Basics' }));
    await user.click(screen.getByRole('button', { name: 'Basics' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Fix 4 problems');
    expect(screen.getByRole('link', { name: 'Name: This field is required' })).toBeInTheDocument();
    // Nothing Chinese is left on the page: every label and message came in English.
    expect(container.textContent).not.toMatch(CJK);
  });

  it('shows the same form in Chinese', async () => {
    const { user } = renderForm(everythingForm, { host: everythingHost });
    await user.click(screen.getByRole('button', { name: '下一步' }));
    await user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请修正以下 4 个问题');
    expect(screen.getByRole('link', { name: '姓名: 此项必填' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '添加一行' })).toBeInTheDocument();
  });

  it('uses the form’s own messages in each locale', async () => {
    const zh = renderForm(scorecardDefinition());
    await zh.user.click(screen.getByRole('button', { name: '提交' }));
    expect(screen.getByRole('link', { name: '员工: 请选择员工' })).toBeInTheDocument();
    zh.unmount();
    const en = renderForm(scorecardDefinition(), { locale: 'en' });
    await en.user.click(screen.getByRole('button', { name: 'Submit' }));
    expect(screen.getByRole('link', { name: 'Employee: Choose the employee' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'KPIs: KPI weights must add up to 100%' })).toBeInTheDocument();
  });

  it('formats numbers, money, percentages and dates with Intl by locale', () => {
    const zh = createFormatters('zh-CN', 'Asia/Shanghai');
    const en = createFormatters('en', 'Asia/Shanghai');
    expect(zh.number(1234567.5)).toBe('1,234,567.5');
    expect(zh.currency(1234.5, 'CNY')).toBe('¥1,234.50');
    expect(en.currency(1234.5, 'CNY')).toBe('CN¥1,234.50');
    expect(zh.currencySymbol('CNY')).toBe('¥');
    expect(en.currencySymbol('USD')).toBe('$');
    expect(zh.percent(60)).toBe('60%');
    expect(zh.date('2026-11-01')).toBe('2026年11月1日');
    expect(en.date('2026-11-01')).toBe('Nov 1, 2026');
    expect(zh.dateTime('2026-11-27T02:30:00Z')).toBe('2026年11月27日 10:30');
    expect(zh.list(['甲', '乙', '丙'])).toBe('甲、乙和丙');
    expect(en.list(['A', 'B', 'C'])).toBe('A, B, and C');
  });
});
