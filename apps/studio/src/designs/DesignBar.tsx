import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice } from '../ui/states.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import type { VersionedSaves } from './useVersionedSaves.ts';

/**
 * Above a designer: the message the next save carries, the saved version and whether it is live,
 * Publish, version history, a refused save's choices, and errors. `designPath` is the design page of
 * a definition id (a conflicting save's copy opens there).
 */
export function DesignBar({
  saves,
  designPath,
  children,
}: {
  readonly saves: VersionedSaves;
  readonly designPath: (id: string) => string;
  readonly children?: ReactNode;
}) {
  const { t } = useLocale();
  const { saved, published } = saves;
  return (
    <>
      <div className="design-bar actions">
        <label className="inline">
          {t({ 'zh-CN': '修改说明（随下次保存记录）', en: 'What changed (kept with the next save)' })}
          <input
            maxLength={500}
            value={saves.message}
            onChange={(event) => saves.setMessage(event.target.value)}
          />
        </label>
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
      {saves.conflict ? (
        <ConflictNotice saves={saves} conflict={saves.conflict} designPath={designPath} />
      ) : null}
      {saves.errors.map((error) => (
        <ErrorNotice key={error.message} error={error} />
      ))}
    </>
  );
}
