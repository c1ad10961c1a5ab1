import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

/** The studio's languages; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** A user-visible string in both languages. */
export type Text = { readonly 'zh-CN': string; readonly en: string };

/** A definition's title: a plain string or one per language. */
export type LocalizedText = string | { readonly [locale: string]: unknown };

const STORAGE_PREFIX = 'formboard.locale';

// The chosen language is remembered per user (and for the sign-in page, per browser): the key carries
// the user id, so two people sharing a shop-floor tablet each keep their own.
const storageKey = (userId: string | undefined) => (userId ? `${STORAGE_PREFIX}.${userId}` : STORAGE_PREFIX);

/** The remembered language of a user (or of the sign-in page), zh-CN when none. */
export function rememberedLocale(userId?: string): Locale {
  const saved = globalThis.localStorage?.getItem(storageKey(userId));
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN';
}

/** Remembers a user's language (and the browser's, for the next sign-in page). */
export function rememberLocale(locale: Locale, userId?: string): void {
  globalThis.localStorage?.setItem(storageKey(userId), locale);
  if (userId) globalThis.localStorage?.setItem(storageKey(undefined), locale);
}

/** Picks a localized text for a locale, falling back to the other language, then to `fallback`. */
export function pick(text: LocalizedText | undefined, locale: Locale, fallback = ''): string {
  if (text === undefined) return fallback;
  if (typeof text === 'string') return text;
  for (const candidate of [text[locale], text['zh-CN'], text.en])
    if (typeof candidate === 'string') return candidate;
  return fallback;
}

interface LocaleState {
  readonly locale: Locale;
  readonly setLocale: (locale: Locale) => void;
  /** The text in the current language. */
  readonly t: (text: Text) => string;
}

const LocaleContext = createContext<LocaleState | undefined>(undefined);

/**
 * Provides the current language. `userId` keys where the choice is remembered in this browser;
 * `chosen` is the person's own choice kept by the server (it wins: it follows them to every device),
 * and `onChoose` keeps a new one there.
 */
export function LocaleProvider({
  userId,
  chosen,
  onChoose,
  children,
}: {
  readonly userId?: string;
  readonly chosen?: Locale;
  readonly onChoose?: (locale: Locale) => void;
  readonly children: ReactNode;
}) {
  const start = () => chosen ?? rememberedLocale(userId);
  const [locale, setState] = useState<Locale>(start);
  const [forUser, setForUser] = useState(userId);
  if (forUser !== userId) {
    // Signing in or out switches to that person's language.
    setForUser(userId);
    setState(start());
    if (chosen) rememberLocale(chosen, userId);
  }
  const setLocale = useCallback(
    (next: Locale) => {
      rememberLocale(next, userId);
      setState(next);
      onChoose?.(next);
    },
    [userId, onChoose],
  );
  const value = useMemo<LocaleState>(
    () => ({ locale, setLocale, t: (text) => text[locale] }),
    [locale, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The current language, a setter and `t()`. */
export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (!state) throw new Error('useLocale needs a LocaleProvider');
  return state;
}
