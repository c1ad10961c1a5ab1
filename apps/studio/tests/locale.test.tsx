import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { LocaleProvider, pick, rememberedLocale, useLocale } from '../src/i18n/locale.tsx';
import { LanguageSwitch } from '../src/shell/LanguageSwitch.tsx';

function Greeting() {
  const { t } = useLocale();
  return <p>{t({ 'zh-CN': '你好', en: 'Hello' })}</p>;
}

describe('locale', () => {
  it('picks the wanted language, then zh-CN, then en, then the fallback', () => {
    expect(pick({ 'zh-CN': '目标', en: 'Objective' }, 'en')).toBe('Objective');
    expect(pick({ 'zh-CN': '目标' }, 'en')).toBe('目标');
    expect(pick({ en: 'Objective' }, 'zh-CN')).toBe('Objective');
    expect(pick('plain', 'en')).toBe('plain');
    expect(pick(undefined, 'en', 'okr')).toBe('okr');
    expect(pick({ en: 3 }, 'en', 'okr')).toBe('okr');
  });

  it('starts in zh-CN and remembers each user’s choice separately', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <LocaleProvider userId="zhangsan">
        <Greeting />
        <LanguageSwitch />
      </LocaleProvider>,
    );
    expect(screen.getByText('你好')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Hello')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
    expect(rememberedLocale('zhangsan')).toBe('en');
    expect(rememberedLocale('lisi')).toBe('zh-CN');

    // Someone else signs in on the same browser: their own (default) language.
    act(() =>
      rerender(
        <LocaleProvider userId="lisi">
          <Greeting />
        </LocaleProvider>,
      ),
    );
    expect(screen.getByText('你好')).toBeInTheDocument();
  });

  it('follows the language a person keeps on the server, and hands a new choice back to be kept', async () => {
    const user = userEvent.setup();
    const kept: string[] = [];
    render(
      <LocaleProvider userId="wangqiang" chosen="en" onChoose={(locale) => kept.push(locale)}>
        <Greeting />
        <LanguageSwitch />
      </LocaleProvider>,
    );
    // Chosen on another device: this browser never saw it, and still starts in it.
    expect(screen.getByText('Hello')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: '中文' }));
    expect(screen.getByText('你好')).toBeInTheDocument();
    expect(kept).toEqual(['zh-CN']);
  });
});
