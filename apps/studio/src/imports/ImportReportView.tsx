import { useEffect, useMemo } from 'react';
import { useLocale } from '../i18n/locale.tsx';
import type { RecordColumn } from '../records/recordColumns.ts';
import { TableScroll } from '../ui/TableScroll.tsx';
import type { ImportReport } from './importApi.ts';

interface Props {
  readonly report: ImportReport;
  /** The report of a commit (else of a check that wrote nothing). */
  readonly committed: boolean;
  readonly fields: readonly RecordColumn[];
  readonly mapping: readonly (string | null)[];
  readonly onMappingChange: (mapping: readonly (string | null)[]) => void;
}

/** A Blob URL for the rejected rows, revoked when they change or the report goes away. */
function useDownloadUrl(csv: string | undefined): string | undefined {
  // The BOM makes Excel open UTF-8 CSV with Chinese text correctly.
  const url = useMemo(
    () =>
      csv ? URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' })) : undefined,
    [csv],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return url;
}

/** What a check or an import found: counts, the column → field mapping (editable), every problem by row and cell. */
export function ImportReportView({ report, committed, fields, mapping, onMappingChange }: Props) {
  const { locale, t } = useLocale();
  const titles = useMemo(() => new Map(fields.map((f) => [f.path, f.title])), [fields]);
  const rejectedUrl = useDownloadUrl(report.rejectedCsv);
  return (
    <div className="import-report">
      {committed ? (
        <p className="notice success" role="status">
          {t({ 'zh-CN': `已导入 ${report.inserted} 行。`, en: `Imported ${report.inserted} rows.` })}
          {report.mappingSaved
            ? t({
                'zh-CN': '列对应已保存，下次导入同样表头的文件时自动套用。',
                en: ' The column mapping was saved: the next file with these headers gets it.',
              })
            : ''}
        </p>
      ) : (
        <p role="status" className={report.invalid > 0 ? 'notice warning' : 'notice success'}>
          {report.invalid > 0
            ? t({
                'zh-CN': `共 ${report.rows} 行：${report.valid} 行可以导入，${report.invalid} 行有问题（见下表）。修正文件后重新选择并检查，或跳过这些行。`,
                en: `${report.rows} rows: ${report.valid} can be imported, ${report.invalid} have problems (below). Fix the file and check it again, or skip those rows.`,
              })
            : t({
                'zh-CN': `共 ${report.rows} 行，全部可以导入。还没有写入任何数据。`,
                en: `${report.rows} rows, all can be imported. Nothing has been written yet.`,
              })}
        </p>
      )}
      {rejectedUrl ? (
        <a className="button" href={rejectedUrl} download="rejected-rows.csv">
          {t({ 'zh-CN': '下载未导入的行', en: 'Download the rows not imported' })}
        </a>
      ) : null}
      {report.missingRequired.length > 0 ? (
        <p className="state-error" role="alert">
          {t({ 'zh-CN': '没有列对应这些必填字段：', en: 'No column fills these required fields: ' })}
          {report.missingRequired.map((path) => titles.get(path) ?? path).join('、')}
        </p>
      ) : null}
      {committed ? null : (
        <details className="card" open={report.missingRequired.length > 0}>
          <summary>{t({ 'zh-CN': '列与字段的对应', en: 'Which column fills which field' })}</summary>
          <table className="records">
            <thead>
              <tr>
                <th scope="col">{t({ 'zh-CN': '文件中的列', en: 'Column in the file' })}</th>
                <th scope="col">{t({ 'zh-CN': '填入字段', en: 'Fills the field' })}</th>
              </tr>
            </thead>
            <tbody>
              {report.headers.map((header, index) => (
                // Columns are positional: the index is the column.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                <tr key={index}>
                  <td>{header}</td>
                  <td>
                    <select
                      aria-label={t({ 'zh-CN': `“${header}”填入`, en: `“${header}” fills` })}
                      value={mapping[index] ?? ''}
                      onChange={(event) => {
                        const next = [...mapping];
                        next[index] = event.target.value || null;
                        onMappingChange(next);
                      }}
                    >
                      <option value="">{t({ 'zh-CN': '（不导入）', en: '(not imported)' })}</option>
                      {fields.map((field) => (
                        <option key={field.path} value={field.path}>
                          {field.title}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {report.issues.length > 0 ? (
        <TableScroll label={{ 'zh-CN': '有问题的行', en: 'Rows with problems' }}>
          <table className="records import-issues">
            <caption>
              {t({
                'zh-CN': `问题（共 ${report.issueCount} 个${report.issueCount > report.issues.length ? `，列出前 ${report.issues.length} 个` : ''}）`,
                en: `Problems (${report.issueCount}${report.issueCount > report.issues.length ? `, first ${report.issues.length} listed` : ''})`,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t({ 'zh-CN': '行号', en: 'Row' })}</th>
                <th scope="col">{t({ 'zh-CN': '列', en: 'Column' })}</th>
                <th scope="col">{t({ 'zh-CN': '问题', en: 'Problem' })}</th>
              </tr>
            </thead>
            <tbody>
              {report.issues.map((issue, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the server's order is the identity
                <tr key={index}>
                  <td>{issue.row}</td>
                  <td>{issue.column ?? (issue.field ? (titles.get(issue.field) ?? issue.field) : '')}</td>
                  <td>{issue.message[locale]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
    </div>
  );
}
