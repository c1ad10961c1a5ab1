import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice } from '../ui/states.tsx';
import type { VersionedSaves } from './useVersionedSaves.ts';

/** Above a designer: the saved version and whether it is live, Publish, version history, and errors. */
export function DesignBar({
  saves,
  children,
}: {
  readonly saves: VersionedSaves;
  readonly children?: ReactNode;
}) {
  const { t } = useLocale();
  const { saved, published } = saves;
  return (
    <>
      <div className="design-bar actions">
        <span className="muted">
          {t({ 'zh-CN': `已保存第 ${saved} 版`, en: `Saved as version ${saved}` })}
          {published === saved
            ? t({ 'zh-CN': '，已发布', en: ', published' })
            : t({ 'zh-CN': '，未发布', en: ', not published' })}
        </span>
        <button
          type="button"
          className="primary"
          disabled={saves.publishing || published === saved}
          onClick={() => saves.publish()}
        >
          {t({ 'zh-CN': '发布', en: 'Publish' })}
        </button>
        <Link href={`/definitions/${encodeURIComponent(saves.id)}/history`}>
          {t({ 'zh-CN': '版本历史', en: 'Versions' })}
        </Link>
        {children}
      </div>
      {saves.errors.map((error) => (
        <ErrorNotice key={error.message} error={error} />
      ))}
    </>
  );
}
