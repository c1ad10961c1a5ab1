import type { Store, StoreTransaction } from '@formboard/storage';
import { ApiError } from '../http/ApiError.ts';
import { installedPacks, recordInstalledPack } from './installedPacks.ts';

/**
 * Uninstalls a pack: its definitions are archived (hidden from users, every version and record kept;
 * installing the pack again brings them back), all of them or none (one transaction). Returns the
 * archived ids.
 */
export function uninstallPack(store: Store, name: string, author: string): Promise<string[]> {
  return store.transaction((tx) => uninstall(tx, name, author));
}

async function uninstall(tx: StoreTransaction, name: string, author: string): Promise<string[]> {
  const pack = (await installedPacks(tx.settings))[name];
  if (pack?.state !== 'installed')
    throw new ApiError(404, 'notFound', {
      'zh-CN': `没有安装模板包 ${name}`,
      en: `pack ${name} is not installed`,
    });
  const archived: string[] = [];
  for (const id of Object.keys(pack.definitions)) {
    const info = await tx.definitions.getInfo(id).catch(() => undefined);
    if (!info || info.state === 'archived') continue;
    await tx.definitions.archive(id, { author });
    archived.push(id);
  }
  await recordInstalledPack(tx.settings, { ...pack, state: 'uninstalled' }, author);
  return archived;
}
