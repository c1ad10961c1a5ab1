import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Store } from '@formboard/storage';
import { openPack } from '../packs/bundledPacks.ts';
import { describeInstall } from '../packs/describeInstall.ts';
import { installedPacks } from '../packs/installedPacks.ts';
import { installPack } from '../packs/installPack.ts';
import { loadSampleData } from '../packs/loadSampleData.ts';
import { buildPackArchive, readPackArchive } from '../packs/packArchive.ts';
import { type PackFiles, readPackFolder } from '../packs/packFiles.ts';
import { uninstallPack } from '../packs/uninstallPack.ts';
import { DEFAULT_DATABASE, openCliStore, parseOrExplain } from './options.ts';
import { CliError, say } from './say.ts';

const usage = (zh: string, en: string) => new CliError({ 'zh-CN': `用法：${zh}`, en: `usage: ${en}` }, 2);

/** A pack folder, or a built archive (checked against `sha256` when given). */
function packFilesAt(path: string, sha256: string | undefined): PackFiles {
  if (!existsSync(path)) throw new CliError({ 'zh-CN': `找不到 ${path}`, en: `nothing at ${path}` }, 2);
  return statSync(path).isDirectory() ? readPackFolder(path) : readPackArchive(readFileSync(path), sha256);
}

async function withStore<T>(database: string, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCliStore(database, { create: true });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `formboard pack build <dir> [--out dir]`: a validated pack → `<name>-<version>.fbpack` and its `.sha256`. */
export async function packBuild(args: string[]): Promise<void> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: { out: { type: 'string', default: '.' } },
    }),
  );
  const [dir] = positionals;
  if (!dir || positionals.length > 1)
    throw usage('formboard pack build <目录> [--out 目录]', 'formboard pack build <dir> [--out dir]');
  const pack = openPack(packFilesAt(dir, undefined));
  const archive = buildPackArchive(pack.files, pack.manifest);
  const file = join(values.out, archive.fileName);
  writeFileSync(file, archive.bytes);
  writeFileSync(`${file}.sha256`, `${archive.sha256}  ${archive.fileName}\n`);
  console.log(`${file}\nsha256 ${archive.sha256}`);
}

/**
 * `formboard pack install <dir|file.fbpack> [--sha256 hex] [--sample-data] [--as user] [--database …]`:
 * installs, or upgrades an installed pack (also as `pack upgrade`); prints what happened to each definition.
 */
export async function packInstall(args: string[]): Promise<void> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        database: { type: 'string', default: DEFAULT_DATABASE },
        as: { type: 'string', default: 'admin' },
        sha256: { type: 'string' },
        'sample-data': { type: 'boolean', default: false },
      },
    }),
  );
  const [source] = positionals;
  if (!source || positionals.length > 1)
    throw usage(
      'formboard pack install <目录|文件.fbpack> [--sha256 校验和] [--sample-data] [--as 用户]',
      'formboard pack install <dir|file.fbpack> [--sha256 hex] [--sample-data] [--as user]',
    );
  const pack = openPack(packFilesAt(source, values.sha256));
  await withStore(values.database, async (store) => {
    const report = await installPack(store, pack, values.as);
    for (const line of describeInstall(report)) console.log(say(line));
    if (values['sample-data']) {
      const loaded = await loadSampleData(store, pack, values.as);
      const total = Object.values(loaded.records).reduce((sum, n) => sum + n, 0);
      console.log(
        say({
          'zh-CN': `示例数据：${loaded.people} 人，${total} 条记录`,
          en: `sample data: ${loaded.people} people, ${total} records`,
        }),
      );
    }
  });
}

/** `formboard pack uninstall <name> [--as user]`: archives the pack's definitions; records stay. */
export async function packUninstall(args: string[]): Promise<void> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: true,
      options: {
        database: { type: 'string', default: DEFAULT_DATABASE },
        as: { type: 'string', default: 'admin' },
      },
    }),
  );
  const [name] = positionals;
  if (!name || positionals.length > 1)
    throw usage('formboard pack uninstall <名称>', 'formboard pack uninstall <name>');
  await withStore(values.database, async (store) => {
    const archived = await uninstallPack(store, name, values.as);
    console.log(
      say({
        'zh-CN': `已卸载 ${name}，归档 ${archived.length} 个定义，记录都保留`,
        en: `uninstalled ${name}: ${archived.length} definitions archived, every record kept`,
      }),
    );
  });
}

/** `formboard pack list`: installed packs with their versions. */
export async function packList(args: string[]): Promise<void> {
  const { values } = parseOrExplain(() =>
    parseArgs({ args, strict: true, options: { database: { type: 'string', default: DEFAULT_DATABASE } } }),
  );
  await withStore(values.database, async (store) => {
    for (const pack of Object.values(await installedPacks(store.connectors)))
      console.log(`${pack.name}\t${pack.version}\t${pack.state}\t${Object.keys(pack.definitions).length}`);
  });
}
