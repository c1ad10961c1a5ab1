import { useEffect, useState } from 'react';
import { subscribeToImportProgress } from '../api/events.ts';
import { useDefinitions } from '../api/queries.ts';
import { pick, useLocale } from '../i18n/locale.tsx';

/**
 * While a pack installs: what is happening, and with sample data each form's rows as they land
 * (the server's progress events), so a 10–30 s wait shows it moving.
 */
export function InstallProgress({ sampleData }: { readonly sampleData: boolean }) {
  const { locale, t } = useLocale();
  const forms = useDefinitions('form');
  const [loaded, setLoaded] = useState<readonly { formId: string; rows: number }[]>([]);
  useEffect(() => {
    if (!sampleData) return;
    return subscribeToImportProgress((progress) =>
      setLoaded((done) => [...done.filter((d) => d.formId !== progress.formId), progress]),
    );
  }, [sampleData]);
  const title = (formId: string) => pick(forms.data?.find((f) => f.id === formId)?.title, locale, formId);
  return (
    <div className="notice" role="status" aria-busy="true">
      <p>
        {sampleData
          ? t({
              'zh-CN': '正在安装模板并载入示例公司数据，通常需要 10 到 30 秒…',
              en: 'Installing the pack and loading the sample company; this usually takes 10 to 30 seconds…',
            })
          : t({ 'zh-CN': '正在安装模板…', en: 'Installing the pack…' })}
      </p>
      {loaded.length > 0 ? (
        <ul aria-label={t({ 'zh-CN': '已载入的示例数据', en: 'Sample data loaded' })}>
          {loaded.map(({ formId, rows }) => (
            <li key={formId}>
              {title(formId)}
              {t({
                'zh-CN': `：${rows.toLocaleString(locale)} 条`,
                en: `: ${rows.toLocaleString(locale)} records`,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
