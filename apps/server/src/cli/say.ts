import type { LocalizedMessage } from '@formboard/formula';

/** The command line's language: zh-CN when LANG / LC_ALL say Chinese, else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): 'zh-CN' | 'en' {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(lang) ? 'zh-CN' : 'en';
}

/** Picks the message in the command line's language. */
export function say(message: LocalizedMessage): string {
  return message[cliLocale()];
}

/** A failure the command line reports as one line (no stack trace) with an exit code. */
export class CliError extends Error {
  constructor(
    readonly messages: LocalizedMessage,
    readonly exitCode = 1,
  ) {
    super(messages.en);
    this.name = 'CliError';
  }
}
