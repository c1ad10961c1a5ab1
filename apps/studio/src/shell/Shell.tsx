import type { ReactNode } from 'react';
import { Link, useRoute } from 'wouter';
import type { User } from '../api/types.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';
import { useSignOut } from '../session/session.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

interface NavItem {
  readonly href: string;
  readonly label: Text;
  /** Shown only to these roles; everyone when absent. */
  readonly roles?: readonly User['roles'][number][];
}

const NAV: readonly NavItem[] = [
  { href: '/', label: { 'zh-CN': '首页', en: 'Home' } },
  { href: '/forms', label: { 'zh-CN': '填报', en: 'Forms' } },
  { href: '/boards', label: { 'zh-CN': '看板', en: 'Boards' } },
  { href: '/inbox', label: { 'zh-CN': '待办', en: 'Inbox' } },
  { href: '/workflows', label: { 'zh-CN': '流程', en: 'Workflows' }, roles: ['designer', 'admin'] },
  { href: '/templates', label: { 'zh-CN': '模板库', en: 'Templates' }, roles: ['designer', 'admin'] },
  { href: '/admin', label: { 'zh-CN': '管理', en: 'Admin' }, roles: ['admin'] },
];

function NavLink({ item }: { readonly item: NavItem }) {
  const { t } = useLocale();
  const [exact] = useRoute(item.href);
  const [nested] = useRoute(`${item.href}/*`);
  const current = exact || (item.href !== '/' && nested);
  return (
    <Link href={item.href} aria-current={current ? 'page' : undefined}>
      {t(item.label)}
    </Link>
  );
}

/** The frame around every signed-in page: navigation, language, the user and sign-out. */
export function Shell({ user, children }: { readonly user: User; readonly children: ReactNode }) {
  const { t } = useLocale();
  const signOut = useSignOut();
  const items = NAV.filter((item) => !item.roles || item.roles.some((role) => user.roles.includes(role)));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t({ 'zh-CN': '跳到正文', en: 'Skip to content' })}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          Formboard
        </Link>
        <nav className="main-nav" aria-label={t({ 'zh-CN': '主导航', en: 'Main' })}>
          {items.map((item) => (
            <NavLink key={item.href} item={item} />
          ))}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          <span className="user-name">{user.name}</span>
          <button type="button" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
            {t({ 'zh-CN': '退出', en: 'Sign out' })}
          </button>
        </div>
      </header>
      <main id="main" className="page">
        {children}
      </main>
    </div>
  );
}
