import type { Store } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { installedPacks, recordInstalledPack } from './installedPacks.ts';

/**
 * Uninstalls a pack: its definitions are archived (hidden from users, every version and record kept;
 * installing the pack again brings them back). Returns the archived ids.
 */
export async function uninstallPack(store: Store, name: string, author: string): Promise<string[]> {
  const pack = (await installedPacks(store))[name];
  if (pack?.state !== 'installed')
    throw new ApiError(404, 'notFound', {
      'zh-CN': `没有安装模板包 ${name}`,
      en: `pack ${name} is not installed`,
    });
  const archived: string[] = [];
  for (const id of Object.keys(pack.definitions)) {
    const info = await store.definitions.getInfo(id).catch(() => undefined);
    if (!info || info.state === 'archived') continue;
    await store.definitions.archive(id, { author });
    archived.push(id);
  }
  await recordInstalledPack(store, { ...pack, state: 'uninstalled' }, author);
  return archived;
}
