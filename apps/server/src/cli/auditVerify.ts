import { parseArgs } from 'node:util';
import { DEFAULT_DATABASE, openCliStore, parseOrExplain } from './options.ts';
import { CliError, say } from './say.ts';

/** `formboard audit verify [--database …]`: exit 0 when the chain holds, 1 naming the first broken entry. */
export async function auditVerify(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({ args, strict: true, options: { database: { type: 'string', default: DEFAULT_DATABASE } } }),
  );
  const store = await openCliStore(values.database, { create: false });
  try {
    const result = await store.verifyAudit();
    if (!result.ok)
      throw new CliError({
        'zh-CN': `审计日志在第 ${result.brokenAt} 条被改动（${result.reason === 'hash' ? '内容与哈希不符' : '链接断开'}），共 ${result.entries} 条`,
        en: `the audit log was altered at entry ${result.brokenAt} (${result.reason === 'hash' ? 'content does not match its hash' : 'broken link'}); ${result.entries} entries`,
      });
    console.log(
      say({
        'zh-CN': `审计日志完好：${result.entries} 条`,
        en: `audit log intact: ${result.entries} entries`,
      }),
    );
  } finally {
    await store.close();
  }
}
