import { Link, useRoute } from 'wouter';
import { type Text, useLocale } from '../i18n/locale.tsx';

const SECTIONS: readonly { readonly href: string; readonly label: Text }[] = [
  { href: '/admin/people', label: { 'zh-CN': '人员与组织', en: 'People' } },
  { href: '/admin/tokens', label: { 'zh-CN': 'API 令牌', en: 'API tokens' } },
  { href: '/admin/connectors', label: { 'zh-CN': '数据连接', en: 'Connectors' } },
  { href: '/admin/audit', label: { 'zh-CN': '审计日志', en: 'Audit log' } },
];

function SectionLink({ href, label }: { readonly href: string; readonly label: Text }) {
  const { t } = useLocale();
  const [current] = useRoute(href);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined}>
      {t(label)}
    </Link>
  );
}

/** The admin area's section links. */
export function AdminNav() {
  const { t } = useLocale();
  return (
    <nav className="tabs" aria-label={t({ 'zh-CN': '管理', en: 'Admin' })}>
      {SECTIONS.map((section) => (
        <SectionLink key={section.href} {...section} />
      ))}
    </nav>
  );
}
