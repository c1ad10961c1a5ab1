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

/** Where the store lives: a SQLite file under the data directory by default. */
export const DEFAULT_DATABASE = './data/formboard.db';
