import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '@formboard/storage';

/** Where the starter pack lives in the repository. */
export const STARTER_PACK_DIR = join(import.meta.dirname, '../../../../templates/performance');

type Manifest = { contents: { forms?: string[]; dashboards?: string[]; workflows?: string[] } };

/**
 * Creates and publishes the starter pack's definitions — forms first, then the workflows and boards
 * that read them — as its author would. A stand-in for `formboard pack install` (issue 10), used by
 * demo mode so `pnpm start` shows the pack. Returns the ids it published.
 */
export async function publishStarterPack(
  store: Store,
  author: string,
  dir = STARTER_PACK_DIR,
): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'pack.json'), 'utf8')) as Manifest;
  const files = [
    ...(manifest.contents.forms ?? []),
    ...(manifest.contents.workflows ?? []),
    ...(manifest.contents.dashboards ?? []),
  ];
  const ids: string[] = [];
  for (const file of files) {
    const definition = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
    const created = await store.definitions.create(definition, {
      author,
      message: '绩效管理模板包 / performance starter pack',
    });
    await store.definitions.publish(created.id, created.version, { author });
    ids.push(created.id);
  }
  return ids;
}
