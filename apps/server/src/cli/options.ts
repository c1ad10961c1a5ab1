import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openStore, type Store } from '@formboard/storage';
import { recordDeriver } from '../records/recordDeriver.ts';
import { CliError } from './say.ts';

/** Runs a command's option parsing (node:util parseArgs, strict); an unknown or malformed option is a usage error (exit 2). */
export function parseOrExplain<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const reason = (error as Error).message;
    throw new CliError({ 'zh-CN': `参数有误：${reason}`, en: `bad arguments: ${reason}` }, 2);
  }
}

/**
 * Where the store lives: FORMBOARD_DATABASE (which keeps a PostgreSQL password out of the process
 * list, where a --database argument would show), else a SQLite file under the data directory.
 */
export const DEFAULT_DATABASE = process.env.FORMBOARD_DATABASE ?? './data/formboard.db';

/** Whether a --database value is a PostgreSQL URL (else a SQLite file). */
export const isPostgres = (database: string): boolean => /^postgres(ql)?:\/\//.test(database);

/**
 * Opens the store a command works on, deriving computed fields in every record it writes. A SQLite file's folder is created when `create` is set; a
 * command that only reads (audit verify) refuses a missing file instead of creating an empty one.
 */
export async function openCliStore(
  database: string,
  { create, now }: { create: boolean; now?: () => string },
): Promise<Store> {
  if (!isPostgres(database)) {
    if (create) mkdirSync(dirname(database), { recursive: true });
    else if (!existsSync(database))
      throw new CliError({ 'zh-CN': `找不到数据库文件：${database}`, en: `no database file at ${database}` });
  }
  return openStore({ database, recordDeriver, ...(now ? { now } : {}) });
}
