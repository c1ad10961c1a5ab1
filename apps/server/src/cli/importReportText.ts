import type { LocalizedMessage } from '@formboard/formula';
import { type FieldInfo, localize } from '@formboard/schema';
import type { ImportReport } from '../imports/runImport.ts';

/** What the command line knows besides the report: the fields' labels, the mapping file, the run's choices. */
export interface ImportReportContext {
  readonly fields: readonly FieldInfo[];
  readonly mappingFile: string | undefined;
  readonly committed: boolean;
  /** Where the rejected rows were saved (a skipInvalid commit that rejected some). */
  readonly rejectedFile: string | undefined;
}

const both = (zh: string, en: string): LocalizedMessage => ({ 'zh-CN': zh, en });

/** Which mapping the import used, in words. */
function mappingLine(report: ImportReport, context: ImportReportContext): LocalizedMessage {
  const saved = report.savedMapping;
  if (report.mappingSource === 'given')
    return both(
      `列对应：来自 ${context.mappingFile ?? ''}`,
      `column mapping: from ${context.mappingFile ?? ''}`,
    );
  if (saved) {
    const when = saved.updatedAt.slice(0, 16).replace('T', ' ');
    const which = saved.exact
      ? both('表头完全相同', 'the same headers')
      : both(`其中 ${saved.headers.length} 列的表头`, `${saved.headers.length} of these headers`);
    return both(
      `列对应：套用 ${saved.updatedBy} 于 ${when} 为${which['zh-CN']}保存的对应（签名 ${saved.signature}）；不套用请加 --no-saved-mapping`,
      `column mapping: the one ${saved.updatedBy} saved on ${when} for ${which.en} (signature ${saved.signature}); --no-saved-mapping leaves it out`,
    );
  }
  return both(
    '列对应：按列名匹配字段（键或中英文标签）',
    'column mapping: columns matched to fields by key or label (zh-CN or en)',
  );
}

/**
 * The import's report as lines for the terminal, in both languages: the mapping used and each
 * column's field, required fields no column fills, every listed problem (row, column, message), the
 * counts, and what the commit saved.
 */
export function importReportLines(report: ImportReport, context: ImportReportContext): LocalizedMessage[] {
  const titles = new Map(context.fields.map((field) => [field.path, field.title]));
  const fieldName = (path: string, locale: 'zh-CN' | 'en') => {
    const title = titles.get(path);
    const label = title ? localize(title, locale) : path;
    if (label === path) return path;
    return locale === 'zh-CN' ? `${path}（${label}）` : `${path} (${label})`;
  };
  const lines: LocalizedMessage[] = [mappingLine(report, context)];
  report.headers.forEach((header, column) => {
    const field = report.mapping[column] ?? null;
    const name = header || `#${column + 1}`;
    lines.push(
      field
        ? both(`  ${name} → ${fieldName(field, 'zh-CN')}`, `  ${name} → ${fieldName(field, 'en')}`)
        : both(`  ${name} → （不导入）`, `  ${name} → (not imported)`),
    );
  });
  if (report.missingRequired.length > 0)
    lines.push(
      both(
        `没有列对应这些必填字段：${report.missingRequired.join('、')}`,
        `no column fills these required fields: ${report.missingRequired.join(', ')}`,
      ),
    );
  for (const issue of report.issues) {
    const where = issue.column ?? issue.field ?? '';
    lines.push(
      both(
        `第 ${issue.row} 行 ${where}：${issue.message['zh-CN']}`,
        `row ${issue.row} ${where}: ${issue.message.en}`,
      ),
    );
  }
  const unlisted = report.issueCount - report.issues.length;
  if (unlisted > 0) lines.push(both(`另有 ${unlisted} 个问题未列出`, `${unlisted} more problems not listed`));
  lines.push(
    both(
      `${report.rows} 行：${report.valid} 行有效，${report.invalid} 行有问题；已写入 ${report.inserted} 行${context.committed ? '' : '（试运行，加 --commit 写入）'}`,
      `${report.rows} rows: ${report.valid} valid, ${report.invalid} with problems; ${report.inserted} written${context.committed ? '' : ' (a dry run: --commit writes)'}`,
    ),
  );
  if (report.mappingSaved)
    lines.push(
      both(
        '列对应已保存：下次导入同样表头的文件时自动套用',
        'the column mapping was saved: the next file with these headers gets it',
      ),
    );
  if (context.rejectedFile)
    lines.push(
      both(
        `未导入的行已存到 ${context.rejectedFile}`,
        `the rows not imported were saved to ${context.rejectedFile}`,
      ),
    );
  return lines;
}
