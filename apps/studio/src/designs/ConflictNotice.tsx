import { useLocale } from '../i18n/locale.tsx';
import { DiffView } from '../versions/VersionDiff.tsx';
import type { SaveConflict, VersionedSaves } from './useVersionedSaves.ts';

/** A refused save: who changed what meanwhile, and the three ways on — reload theirs, keep mine as a copy, or save mine over theirs. */
export function ConflictNotice({
  saves,
  conflict,
  designPath,
}: {
  readonly saves: VersionedSaves;
  readonly conflict: SaveConflict;
  /** The design page of a definition id (where a saved copy opens). */
  readonly designPath: (id: string) => string;
}) {
  const { t } = useLocale();
  return (
    <div className="notice error stack" role="alert">
      <p>
        {t({
          'zh-CN': `你编辑期间，有人保存了第 ${conflict.currentVersion} 版（你是在第 ${conflict.baseVersion} 版上修改的）。对方的修改：`,
          en: `While you were editing, someone saved version ${conflict.currentVersion} (you started from version ${conflict.baseVersion}). Their changes:`,
        })}
      </p>
      <DiffView diff={conflict} same={{ 'zh-CN': '（没有可读的变更摘要）', en: '(no readable summary)' }} />
      <div className="actions">
        <button type="button" onClick={() => window.location.reload()}>
          {t({ 'zh-CN': '载入最新版本（放弃我的修改）', en: 'Load the latest version (drop my changes)' })}
        </button>
        <button
          type="button"
          onClick={() =>
            void saves.saveCopy(conflict.mine).then((copyId) => window.location.assign(designPath(copyId)))
          }
        >
          {t({ 'zh-CN': '把我的版本另存为副本', en: 'Save mine as a copy' })}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => saves.saveOver(conflict.mine, conflict.currentVersion)}
        >
          {t({ 'zh-CN': '仍然保存我的版本（覆盖对方的修改）', en: 'Save mine anyway (over their changes)' })}
        </button>
      </div>
    </div>
  );
}
