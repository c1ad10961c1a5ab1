import { createReadStream, existsSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { readTable } from '../imports/readTable.ts';
import { runImport } from '../imports/runImport.ts';
import { DEFAULT_DATABASE, openCliStore, parseOrExplain } from './options.ts';
import { CliError, cliLocale, say } from './say.ts';

/**
 * `formboard import <form> <file.csv|file.xlsx> --as <user> [--commit] [--skip-invalid]
 * [--encoding gb18030] [--database …]`: the same import as the API (dry run unless --commit),
 * printing the report; exit 1 when rows were refused.
 */
export async function importFile(args: string[]): Promise<number> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        commit: { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        encoding: { type: 'string', default: 'utf-8' },
        database: { type: 'string', default: DEFAULT_DATABASE },
      },
    }),
  );
  const [formId, file] = positionals;
  if (!formId || !file || !values.as)
    throw new CliError(
      {
        'zh-CN': '用法：formboard import <表单> <文件> --as <用户>',
        en: 'usage: formboard import <form> <file> --as <user>',
      },
      2,
    );
  const format =
    extname(file).toLowerCase() === '.xlsx'
      ? 'xlsx'
      : extname(file).toLowerCase() === '.csv'
        ? 'csv'
        : undefined;
  if (!format)
    throw new CliError(
      { 'zh-CN': '只能导入 .csv 或 .xlsx 文件', en: 'only .csv and .xlsx files can be imported' },
      2,
    );
  if (!existsSync(file)) throw new CliError({ 'zh-CN': `找不到文件 ${file}`, en: `no file at ${file}` }, 2);
  if (values.encoding !== 'utf-8' && values.encoding !== 'gb18030')
    throw new CliError(
      { 'zh-CN': '--encoding 只能是 utf-8 或 gb18030', en: '--encoding must be utf-8 or gb18030' },
      2,
    );
  const store = await openCliStore(values.database, { create: false });
  try {
    const user = await store.people.getUser(values.as).catch(() => undefined);
    if (!user)
      throw new CliError({ 'zh-CN': `找不到用户 ${values.as}`, en: `user ${values.as} not found` }, 2);
    const locale = cliLocale();
    const report = await runImport(store, {
      formId,
      table: readTable(createReadStream(file), format, values.encoding),
      mode: values.commit ? 'commit' : 'dryRun',
      onInvalid: values['skip-invalid'] ? 'skipInvalid' : 'rejectAll',
      writer: { actor: user.id, ownerId: user.id, orgUnitId: user.orgUnitId },
      // The command line runs with the database in hand: no field is hidden from its operator.
      hidden: new Set(),
      locale,
    });
    for (const issue of report.issues)
      console.error(
        say({
          'zh-CN': `第 ${issue.row} 行 ${issue.column ?? issue.field ?? ''}：${issue.message['zh-CN']}`,
          en: `row ${issue.row} ${issue.column ?? issue.field ?? ''}: ${issue.message.en}`,
        }),
      );
    console.log(
      say({
        'zh-CN': `${report.rows} 行：${report.valid} 行有效，${report.invalid} 行有问题；已写入 ${report.inserted} 行`,
        en: `${report.rows} rows: ${report.valid} valid, ${report.invalid} with problems; ${report.inserted} written`,
      }),
    );
    return report.invalid > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
