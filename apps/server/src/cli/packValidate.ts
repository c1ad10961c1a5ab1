import { existsSync } from 'node:fs';
import { readPackFolder } from '../packs/packFiles.ts';
import { trySampleData } from '../packs/trySampleData.ts';
import { validatePack } from '../packs/validatePack.ts';
import { CliError, say } from './say.ts';

/**
 * `formboard pack validate <dir>`: every problem as `file pointer: message` (a definition's JSON pointer,
 * a sample file's row and column); exit 1 when there is one.
 */
export async function packValidate(args: string[]): Promise<number> {
  const [dir, ...rest] = args;
  if (!dir || rest.length > 0)
    throw new CliError(
      { 'zh-CN': '用法：formboard pack validate <目录>', en: 'usage: formboard pack validate <dir>' },
      2,
    );
  if (!existsSync(dir)) throw new CliError({ 'zh-CN': `找不到目录 ${dir}`, en: `no folder at ${dir}` }, 2);
  const checked = validatePack(readPackFolder(dir));
  // The sample data is tried only on a pack whose definitions are valid: it installs them first.
  const problems = checked.pack ? await trySampleData(checked.pack) : checked.problems;
  for (const problem of problems)
    console.error(`${problem.file}${problem.pointer ? ` ${problem.pointer}` : ''}: ${say(problem.message)}`);
  console.log(
    say(
      problems.length === 0
        ? { 'zh-CN': '模板包有效', en: 'the pack is valid' }
        : { 'zh-CN': `模板包有 ${problems.length} 个问题`, en: `the pack has ${problems.length} problem(s)` },
    ),
  );
  return problems.length === 0 ? 0 : 1;
}
