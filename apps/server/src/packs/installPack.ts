import { validateDefinition } from '@formboard/schema';
import {
  canonicalJson,
  type DefinitionInfo,
  type Store,
  type StoreTransaction,
  sha256,
} from '@formboard/storage';
import { type InstalledDefinition, installedPacks, recordInstalledPack } from './installedPacks.ts';
import type { ValidPack } from './validatePack.ts';

/** What happened to one definition of the pack. */
export type DefinitionOutcome =
  /** New in the workspace: created and published. */
  | 'created'
  /** The workspace had the pack's previous content: the new content was appended and published. */
  | 'upgraded'
  /** Already exactly what the pack holds (a repeated install). */
  | 'unchanged'
  /** Brought back after an uninstall (published again, with the pack's content). */
  | 'restored'
  /** Edited in the workspace since the pack wrote it: left alone, the pack's new content not applied. */
  | 'keptLocalEdits'
  /** The id belongs to a definition that did not come from this pack: left alone. */
  | 'idTaken';

/** The report of an install or upgrade. */
export interface InstallReport {
  readonly name: string;
  /** The version installed before, if any. */
  readonly from: string | null;
  readonly to: string;
  readonly definitions: readonly {
    readonly id: string;
    readonly kind: string;
    readonly outcome: DefinitionOutcome;
  }[];
  /** Definitions the previous version had and this one does not: kept, not deleted. */
  readonly droppedUpstream: readonly string[];
}

const hashOf = (content: unknown) => sha256(canonicalJson(content));

/**
 * Installs a validated pack, or upgrades an installed one: idempotent, never overwrites a definition
 * the workspace edited, never deletes (records always stay). Each written definition is a new
 * version (history and audit as any save), published so records can be entered. All of it or none:
 * the definitions and the record of the install are written in one transaction, so an install that
 * fails part way (a publication refused, a lost connection) leaves the workspace as it was, and can
 * be run again.
 */
export function installPack(store: Store, pack: ValidPack, author: string): Promise<InstallReport> {
  return store.transaction((tx) => install(tx, pack, author));
}

async function install(tx: StoreTransaction, pack: ValidPack, author: string): Promise<InstallReport> {
  const { manifest } = pack;
  const previous = (await installedPacks(tx.settings))[manifest.name];
  const message = `${manifest.name}@${manifest.version}`;
  const outcomes: { id: string; kind: string; outcome: DefinitionOutcome }[] = [];
  const written: Record<string, InstalledDefinition> = {};
  for (const document of pack.definitions.values()) {
    const checked = validateDefinition(document);
    if (!checked.ok || checked.value.kind === 'pack') continue; // validatePack already refused these
    const content = checked.value as unknown as Record<string, unknown>;
    const { id, kind } = checked.value;
    const prior = previous?.definitions[id];
    const info = await tx.definitions.getInfo(id).catch(() => undefined);
    const result = await placeDefinition(tx, { id, content, info, prior, author, message });
    outcomes.push({ id, kind, outcome: result.outcome });
    // A definition kept with local edits stays the pack's as last written; an id taken is not the pack's.
    const owned = result.record ?? prior;
    if (owned) written[id] = owned;
  }
  await recordInstalledPack(
    tx.settings,
    {
      name: manifest.name,
      version: manifest.version,
      title: manifest.title,
      state: 'installed',
      installedAt: new Date().toISOString(),
      installedBy: author,
      definitions: written,
    },
    author,
  );
  return {
    name: manifest.name,
    from: previous?.state === 'installed' ? previous.version : null,
    to: manifest.version,
    definitions: outcomes,
    droppedUpstream: Object.keys(previous?.definitions ?? {}).filter((id) => !(id in written)),
  };
}

interface Placement {
  readonly id: string;
  readonly content: Record<string, unknown>;
  readonly info: DefinitionInfo | undefined;
  readonly prior: InstalledDefinition | undefined;
  readonly author: string;
  readonly message: string;
}

/** Decides and does what one definition needs; returns what the pack now owns of it. */
async function placeDefinition(
  tx: StoreTransaction,
  { id, content, info, prior, author, message }: Placement,
): Promise<{ outcome: DefinitionOutcome; record?: InstalledDefinition }> {
  const kind = String(content.kind);
  const publish = async (version: number) => tx.definitions.publish(id, version, { author });
  if (!info) {
    const created = await tx.definitions.create(content, { author, message });
    await publish(created.version);
    return { outcome: 'created', record: { kind, version: created.version, hash: created.hash } };
  }
  if (!prior) return { outcome: 'idTaken' };
  const head = await tx.definitions.get(id, info.headVersion);
  const current = { kind, version: head.version, hash: head.hash };
  if (head.hash === hashOf(content)) {
    if (info.state === 'published' && info.publishedVersion === head.version)
      return { outcome: 'unchanged', record: current };
    await publish(head.version);
    return { outcome: info.state === 'archived' ? 'restored' : 'unchanged', record: current };
  }
  if (head.hash !== prior.hash) return { outcome: 'keptLocalEdits' };
  // An uninstalled pack's definitions are archived; publishing brings one back so it can be saved.
  if (info.state === 'archived') await publish(head.version);
  const saved = await tx.definitions.save(id, content, { baseVersion: head.version, author, message });
  await publish(saved.version);
  return {
    outcome: info.state === 'archived' ? 'restored' : 'upgraded',
    record: { kind, version: saved.version, hash: saved.hash },
  };
}
