import { pick, type Text, useLocale } from '../i18n/locale.tsx';
import type { ConnectorRun } from './connectorTypes.ts';

/** One run: when, and what it did — rows added, updated, unchanged, failed (each failed row named) — or why it failed. */
export function ConnectorRunView({ run }: { readonly run: ConnectorRun }) {
  const { locale, t } = useLocale();
  const when = new Date(run.startedAt).toLocaleString(locale);
  const result = run.result ?? {};
  const reason = (text: string | Text | undefined) => (typeof text === 'string' ? text : pick(text, locale));
  if (run.status === 'failed')
    return (
      <li className="run failed">
        <strong>{when}</strong> {t({ 'zh-CN': '失败：', en: 'failed: ' })}
        {reason(result.error)}
      </li>
    );
  if (run.status === 'running')
    return (
      <li className="run">
        <strong>{when}</strong> {t({ 'zh-CN': '运行中…', en: 'running…' })}
      </li>
    );
  return (
    <li className="run">
      <strong>{when}</strong>{' '}
      {t({
        'zh-CN': `取到 ${result.fetched ?? 0} 行：新增 ${result.inserted ?? 0}，更新 ${result.updated ?? 0}，未变 ${result.unchanged ?? 0}，出错 ${result.failed ?? 0}`,
        en: `${result.fetched ?? 0} rows: ${result.inserted ?? 0} added, ${result.updated ?? 0} updated, ${result.unchanged ?? 0} unchanged, ${result.failed ?? 0} failed`,
      })}
      {result.errors?.length ? (
        <ul>
          {result.errors.map((error) => (
            <li key={error.row}>
              {t({ 'zh-CN': `第 ${error.row} 行：`, en: `Row ${error.row}: ` })}
              {reason(error.message)}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
