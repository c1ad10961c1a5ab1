import type { Settings } from '@formboard/storage';

/** What an installed pack wrote, per definition: the version it left and that version's hash. */
export interface InstalledDefinition {
  readonly kind: string;
  readonly version: number;
  readonly hash: string;
}

/** A pack installed in this workspace (kept after uninstall, so reinstalling knows its history). */
export interface InstalledPack {
  readonly name: string;
  readonly version: string;
  readonly title: unknown;
  readonly state: 'installed' | 'uninstalled';
  readonly installedAt: string;
  readonly installedBy: string;
  readonly definitions: Readonly<Record<string, InstalledDefinition>>;
}

// One settings entry holds every pack's record; packs are few and installs rare.
const KEY = 'packs.installed';

/** Every pack this workspace has installed, by name (`settings`: `store.connectors`, or a transaction's). */
export async function installedPacks(settings: Settings): Promise<Readonly<Record<string, InstalledPack>>> {
  const value = await settings.setting(KEY);
  return (value ?? {}) as Record<string, InstalledPack>;
}

/** Records a pack's installation (or uninstallation), audited as a setting change. */
export async function recordInstalledPack(
  settings: Settings,
  pack: InstalledPack,
  actor: string,
): Promise<void> {
  const all = await installedPacks(settings);
  await settings.setSetting(KEY, { ...all, [pack.name]: pack }, actor);
}
