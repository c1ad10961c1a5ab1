import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../http/ApiError.ts';
import { type PackFiles, readPackFolder } from './packFiles.ts';
import { type ValidPack, validatePack } from './validatePack.ts';

/** Where the packs shipped with Formboard live: `templates/<folder>/pack.json` in this repository. */
export const BUNDLED_PACKS_DIR = join(import.meta.dirname, '../../../../templates');

/** The starter performance-management pack's folder. */
export const STARTER_PACK_DIR = join(BUNDLED_PACKS_DIR, 'performance');

/** A validated pack from its files, or a 422 naming the first problem (all of them in the details). */
export function openPack(files: PackFiles): ValidPack {
  const { problems, pack } = validatePack(files);
  const first = problems[0];
  if (!pack || first) {
    const where = `${first?.file ?? 'pack.json'}${first?.pointer ? ` ${first.pointer}` : ''}`;
    throw new ApiError(
      422,
      'invalidPack',
      {
        'zh-CN': `模板包无效（${where}）：${first?.message['zh-CN'] ?? ''}`,
        en: `the pack is not valid (${where}): ${first?.message.en ?? ''}`,
      },
      problems,
    );
  }
  return pack;
}

/** Every pack shipped with this server, validated (a broken one is left out rather than offered). */
export function bundledPacks(dir = BUNDLED_PACKS_DIR): ValidPack[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((folder) => existsSync(join(dir, folder, 'pack.json')))
    .flatMap((folder) => {
      const { pack } = validatePack(readPackFolder(join(dir, folder)));
      return pack ? [pack] : [];
    });
}

/** A shipped pack by its manifest name, or 404. */
export function bundledPack(name: string, dir = BUNDLED_PACKS_DIR): ValidPack {
  const pack = bundledPacks(dir).find((candidate) => candidate.manifest.name === name);
  if (!pack)
    throw new ApiError(404, 'notFound', { 'zh-CN': `没有模板包 ${name}`, en: `no pack named ${name}` });
  return pack;
}
