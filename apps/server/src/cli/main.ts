import type { LocalizedMessage } from '@formboard/formula';
import { StoreError } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { auditVerify } from './auditVerify.ts';
import { IMPORT_HELP, importFile } from './importFile.ts';
import { packBuild, packInstall, packList, packUninstall } from './packCommands.ts';
import { packValidate } from './packValidate.ts';
import { CliError, say } from './say.ts';
import { serve } from './serve.ts';
import { userCreate } from './userCreate.ts';

const HELP = {
  'zh-CN': `用法：formboard <命令> [选项]

命令：
  serve          启动服务器   --port 3000 --host 127.0.0.1 --database ./data/formboard.db|postgres://… --demo --behind-https-proxy --workflows on|off|auto（流程引擎：默认开；多台服务器共用 PostgreSQL 时由数据库租约保证每个任务只执行一次） --test-clock（仅端到端测试，需 --demo）
  user create    创建用户     --id 登录名 --name 姓名 --email … --role member|manager|designer|admin --admin（密码：环境变量 FORMBOARD_PASSWORD）
  audit verify   校验审计日志 --database …
  pack validate  校验模板包   <目录>（定义、交叉引用、清单）
  pack build     打包         <目录> [--out 目录] → 名称-版本.fbpack 和 .sha256
  pack install   安装或升级   <目录|文件.fbpack> [--sha256 …] [--sample-data] [--as 用户]（pack upgrade 相同；本地改过的定义不会被覆盖）
  pack uninstall 卸载         <名称>（定义归档，记录保留）
  pack list      已安装的模板包
  import         导入记录     <表单> <文件.csv|.xlsx> --as 用户 [--commit] [--skip-invalid] [--rejected 文件] [--mapping 文件] [--no-saved-mapping] [--encoding gb18030]（默认只试运行；详见 formboard import --help）

退出码：0 成功，1 失败，2 用法错误。`,
  en: `Usage: formboard <command> [options]

Commands:
  serve          start the server   --port 3000 --host 127.0.0.1 --database ./data/formboard.db|postgres://… --demo --behind-https-proxy --workflows on|off|auto (the workflow engine: on by default; servers sharing a PostgreSQL database take each task once through leases in the database) --test-clock (end-to-end tests only, with --demo)
  user create    create a user      --id login --name … --email … --role member|manager|designer|admin --admin (password: FORMBOARD_PASSWORD)
  audit verify   check the audit log's hash chain   --database …
  pack validate  check a template pack   <dir> (definitions, cross-references, manifest)
  pack build     build an archive   <dir> [--out dir] → name-version.fbpack and its .sha256
  pack install   install or upgrade   <dir|file.fbpack> [--sha256 …] [--sample-data] [--as user] (also pack upgrade; definitions edited locally are never overwritten)
  pack uninstall uninstall   <name> (definitions archived, records kept)
  pack list      installed packs
  import         import records     <form> <file.csv|.xlsx> --as user [--commit] [--skip-invalid] [--rejected file] [--mapping file] [--no-saved-mapping] [--encoding gb18030] (a dry run unless --commit; see formboard import --help)

Exit codes: 0 success, 1 failure, 2 usage error.`,
};

// A command resolves with its exit code when it is not 0 without an error to print (e.g. rows refused).
const COMMANDS: Record<string, (args: string[]) => Promise<unknown>> = {
  serve,
  'user create': userCreate,
  'audit verify': auditVerify,
  import: importFile,
  'pack validate': packValidate,
  'pack build': packBuild,
  'pack install': packInstall,
  'pack upgrade': packInstall,
  'pack uninstall': packUninstall,
  'pack list': packList,
};

// Commands with a help page of their own (`formboard import --help`); the others are described in HELP.
const COMMAND_HELP: Record<string, LocalizedMessage> = { import: IMPORT_HELP };

/** Runs one command line; returns the exit code. Errors print one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const name = [2, 1]
    .map((words) => argv.slice(0, words).join(' '))
    .find((candidate) => candidate in COMMANDS);
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    console.log(say((name ? COMMAND_HELP[name] : undefined) ?? HELP));
    return argv.length === 0 ? 2 : 0;
  }
  const command = name ? COMMANDS[name] : undefined;
  if (!name || !command) {
    console.error(say({ 'zh-CN': `未知命令：${argv.join(' ')}`, en: `unknown command: ${argv.join(' ')}` }));
    console.error(say(HELP));
    return 2;
  }
  try {
    const code = await command(argv.slice(name.split(' ').length));
    return typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof CliError) {
      console.error(say(error.messages));
      return error.exitCode;
    }
    if (error instanceof ApiError || error instanceof StoreError) {
      console.error(say(error.messages));
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    console.error(say({ 'zh-CN': `失败：${message}`, en: `failed: ${message}` }));
    return 1;
  }
}

// Run as a script (tsx src/cli/main.ts …), not when imported by tests.
if (import.meta.url === `file://${process.argv[1]}`) {
  const code = await main(process.argv.slice(2));
  // serve keeps running; every other command ends here.
  if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
}
