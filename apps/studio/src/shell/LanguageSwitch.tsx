import { type Locale, useLocale } from '../i18n/locale.tsx';

const LANGUAGES: readonly { readonly locale: Locale; readonly label: string }[] = [
  { locale: 'zh-CN', label: '中文' },
  { locale: 'en', label: 'English' },
];

/** Switches between zh-CN and en; the choice is remembered per user. */
export function LanguageSwitch() {
  const { locale, setLocale, t } = useLocale();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t({ 'zh-CN': '语言', en: 'Language' })}</legend>
      {LANGUAGES.map((language) => (
        <button
          key={language.locale}
          type="button"
          lang={language.locale}
          aria-pressed={locale === language.locale}
          onClick={() => setLocale(language.locale)}
        >
          {language.label}
        </button>
      ))}
    </fieldset>
  );
}
