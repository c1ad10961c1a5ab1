import { useLocale } from '../i18n/locale.tsx';
import type { AppliedMapping } from './importApi.ts';

interface Props {
  readonly applied: AppliedMapping;
  readonly busy: boolean;
  /** Check the file again matched by column name, without the saved mapping. */
  readonly onIgnore: () => void;
  /** Forget the saved mapping for good, then check again. */
  readonly onForget: () => void;
}

/** Says that a column mapping saved by an earlier import was applied, and offers to leave it or forget it. */
export function SavedMappingNotice({ applied, busy, onIgnore, onForget }: Props) {
  const { locale, t } = useLocale();
  const when = new Date(applied.updatedAt).toLocaleString(locale);
  return (
    <div className="notice saved-mapping card" role="status">
      <p>
        {applied.exact
          ? t({
              'zh-CN': `已套用保存的列对应：${applied.updatedBy} 于 ${when} 导入同样表头的文件时所选。`,
              en: `Applied the saved column mapping ${applied.updatedBy} chose on ${when} for a file with the same headers.`,
            })
          : t({
              'zh-CN': `已套用保存的列对应：${applied.updatedBy} 于 ${when} 导入含这些列的文件时所选；其余列按列名对应。`,
              en: `Applied the saved column mapping ${applied.updatedBy} chose on ${when} for a file with some of these columns; the others are matched by name.`,
            })}
      </p>
      <div className="actions">
        <button type="button" disabled={busy} onClick={onIgnore}>
          {t({ 'zh-CN': '这次不套用，按列名对应', en: 'Not this time: match by column name' })}
        </button>
        <button type="button" disabled={busy} onClick={onForget}>
          {t({ 'zh-CN': '删除这个保存的对应', en: 'Forget this saved mapping' })}
        </button>
      </div>
    </div>
  );
}
