import { createReadStream, existsSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { LocalizedMessage } from '@formboard/formula';
import { indexFields } from '@formboard/schema';
import { importableFields } from '../imports/columnMapping.ts';
import { readTable, type TableEncoding, type TableFormat } from '../imports/readTable.ts';
import { publishedForm, runImport } from '../imports/runImport.ts';
import { announceImport } from './announceImport.ts';
import { importReportLines } from './importReportText.ts';
import { readMappingFile } from './mappingFile.ts';
import { DEFAULT_DATABASE, openCliStore, parseOrExplain } from './options.ts';
import { CliError, cliLocale, say } from './say.ts';

/** `formboard import --help`. */
export const IMPORT_HELP: LocalizedMessage = {
  'zh-CN': `用法：formboard import <表单> <文件.csv|.xlsx> --as <用户> [选项]

与网页导入同一流程：列按字段键或中英文标签自动对应；这些表头保存过列对应（网页或命令行导入时保存）就先套用它，并打印用了哪一个。

选项：
  --dry-run            只检查、不写入（默认）：列出每个问题的行号、列和原因
  --commit             写入；有任何问题行就全部不写（一个事务）
  --skip-invalid       与 --commit 一起：只写有效的行，未导入的行（行号、原内容、错误）存为 CSV，默认放在文件旁边：<文件名>.rejected.csv
  --rejected <文件>    未导入的行存到这里（需 --skip-invalid）
  --mapping <文件>     列对应文件（JSON）：{"列名": "字段键" 或 null（不导入）}，没写到的列按标签对应；或 ["字段键" 或 null, …] 每列一项。--commit 时与自动结果不同的对应会保存，供下次同样表头的文件使用
  --no-saved-mapping   这次不套用保存的列对应
  --encoding gb18030   中文 Windows 上 Excel 另存的 CSV（默认 utf-8）
  --database <路径|postgres://…>  默认 FORMBOARD_DATABASE 或 ./data/formboard.db

退出码：0 所有行都没问题（--commit 时已写入）；1 有问题行（或导入失败）；2 用法错误。
语言跟随 LANG / LC_ALL（zh* 为中文，否则英文）。`,
  en: `Usage: formboard import <form> <file.csv|.xlsx> --as <user> [options]

The same import as the studio's: columns match fields by key or by label (zh-CN or en); a column mapping saved for these headers (by an import in the studio or here) is applied first, and the report says which.

Options:
  --dry-run            check only, write nothing (the default): every problem with its row, column and message
  --commit             write the rows; any row with a problem and nothing is written (one transaction)
  --skip-invalid       with --commit: write the valid rows only; the rows not imported (row number, cells, error) go to a CSV next to the file: <name>.rejected.csv
  --rejected <file>    save the rows not imported there instead (needs --skip-invalid)
  --mapping <file>     a column mapping (JSON): {"column": "field key" or null (left out)}, columns it does not name matched by label; or ["field key" or null, …], one per column. With --commit, a mapping that differs from the automatic one is saved for the next file with these headers
  --no-saved-mapping   do not apply a saved column mapping this time
  --encoding gb18030   CSV saved by Excel on Chinese Windows (default utf-8)
  --database <path|postgres://…>  default FORMBOARD_DATABASE or ./data/formboard.db

Exit codes: 0 every row fine (and written with --commit); 1 rows with problems (or the import failed); 2 usage error.
The language follows LANG / LC_ALL (zh* for Chinese, else English).`,
};

const usage = (zh: string, en: string) => new CliError({ 'zh-CN': zh, en }, 2);

/** The import's arguments, checked: a usage error (exit 2) names what is wrong. */
function importArguments(args: string[]) {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        commit: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        rejected: { type: 'string' },
        mapping: { type: 'string' },
        'no-saved-mapping': { type: 'boolean', default: false },
        encoding: { type: 'string', default: 'utf-8' },
        database: { type: 'string', default: DEFAULT_DATABASE },
      },
    }),
  );
  const [formId, file, extra] = positionals;
  if (!formId || !file || !values.as || extra !== undefined)
    throw usage(
      '用法：formboard import <表单> <文件> --as <用户>（详见 formboard import --help）',
      'usage: formboard import <form> <file> --as <user> (see formboard import --help)',
    );
  const extension = extname(file).toLowerCase();
  const format: TableFormat | undefined =
    extension === '.xlsx' ? 'xlsx' : extension === '.csv' ? 'csv' : undefined;
  if (!format) throw usage('只能导入 .csv 或 .xlsx 文件', 'only .csv and .xlsx files can be imported');
  if (!existsSync(file) || !statSync(file).isFile()) throw usage(`找不到文件 ${file}`, `no file at ${file}`);
  if (values.encoding !== 'utf-8' && values.encoding !== 'gb18030')
    throw usage('--encoding 只能是 utf-8 或 gb18030', '--encoding must be utf-8 or gb18030');
  const encoding: TableEncoding = values.encoding;
  if (values.commit && values['dry-run'])
    throw usage('--commit 和 --dry-run 只能选一个', '--commit and --dry-run cannot go together');
  const skipInvalid = values['skip-invalid'];
  if (values.rejected !== undefined && !skipInvalid)
    throw usage('--rejected 需要与 --skip-invalid 一起用', '--rejected needs --skip-invalid');
  const rejectedFile =
    values.rejected ?? join(dirname(file), `${basename(file, extname(file))}.rejected.csv`);
  if (resolve(rejectedFile) === resolve(file))
    throw usage('--rejected 不能是要导入的文件本身', '--rejected cannot be the file being imported');
  if (!existsSync(dirname(resolve(rejectedFile))))
    throw usage(`找不到文件夹 ${dirname(rejectedFile)}`, `no folder at ${dirname(rejectedFile)}`);
  return {
    formId,
    file,
    format,
    encoding,
    login: values.as,
    commit: values.commit,
    skipInvalid,
    rejectedFile,
    mappingFile: values.mapping,
    savedMappings: values['no-saved-mapping'] ? ('ignore' as const) : ('apply' as const),
    database: values.database,
  };
}

/**
 * `formboard import <form> <file>`: the API's import (runImport: the same mapping choice, saved
 * mappings, checks, commit and audit entry) from a file, printing the report; exit 1 when rows had
 * problems, 2 on a usage error. A skipInvalid commit saves its rejected rows as CSV.
 */
export async function importFile(args: string[]): Promise<number> {
  const options = importArguments(args);
  const mapping = options.mappingFile === undefined ? undefined : readMappingFile(options.mappingFile);
  const store = await openCliStore(options.database, { create: false });
  try {
    const user = await store.people.getUser(options.login).catch(() => undefined);
    if (!user) throw usage(`找不到用户 ${options.login}`, `user ${options.login} not found`);
    const form = await publishedForm(store, options.formId);
    const { report, rejected } = await runImport(store, {
      formId: options.formId,
      table: readTable(createReadStream(options.file), options.format, options.encoding),
      ...(mapping ? { mapping } : {}),
      savedMappings: options.savedMappings,
      mode: options.commit ? 'commit' : 'dryRun',
      onInvalid: options.skipInvalid ? 'skipInvalid' : 'rejectAll',
      writer: { actor: user.id, ownerId: user.id, orgUnitId: user.orgUnitId },
      // The command line runs with the database in hand: no field is hidden from its operator.
      hidden: new Set(),
      locale: cliLocale(),
      origin: { via: 'cli', fileName: basename(options.file) },
      onProgress: (rows) => {
        if (process.stderr.isTTY)
          console.error(say({ 'zh-CN': `已读 ${rows} 行…`, en: `${rows} rows read…` }));
      },
    });
    try {
      await rejected?.saveTo(options.rejectedFile);
    } catch (error) {
      const reason = (error as Error).message;
      throw new CliError({
        'zh-CN': `已写入 ${report.inserted} 行，但未导入的 ${report.invalid} 行没能存到 ${options.rejectedFile}：${reason}`,
        en: `${report.inserted} rows were written, but the ${report.invalid} rows not imported could not be saved to ${options.rejectedFile}: ${reason}`,
      });
    } finally {
      await rejected?.remove();
    }
    if (options.commit && report.inserted > 0) {
      const failure = await announceImport(options.database, {
        type: 'records.imported',
        formId: options.formId,
        recordId: '',
        ownerId: user.id,
        orgUnitId: user.orgUnitId,
      });
      if (failure)
        console.error(
          say({
            'zh-CN': `记录已写入，但没能通知正在运行的服务器（打开的看板刷新后才会显示）：${failure}`,
            en: `The records are written, but the running servers could not be told (open boards show them once reloaded): ${failure}`,
          }),
        );
    }
    const lines = importReportLines(report, {
      fields: importableFields(form, indexFields(form.data).fields.values()),
      mappingFile: options.mappingFile,
      committed: options.commit,
      rejectedFile: rejected ? options.rejectedFile : undefined,
    });
    for (const line of lines) console.log(say(line));
    return report.invalid > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
