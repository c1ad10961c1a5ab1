import { canonicalJson, type Store, sha256 } from '../../src/index.ts';
import { FORM_ID, type WriterMessage } from './protocol.ts';

/** What writers acknowledged so far: versions with their hashes, records with their employee. */
export interface AckedWrites {
  readonly versions: Map<number, string>;
  readonly records: Map<string, string>;
}

/** Adds a writer's acknowledged messages to `acked`. */
export function collectAcked(acked: AckedWrites, messages: readonly WriterMessage[]): void {
  for (const m of messages) {
    if (m.kind === 'version' || m.kind === 'saved') acked.versions.set(m.version, m.hash);
    if (m.kind === 'records') for (const r of m.records) acked.records.set(r.id, r.employee);
  }
}

/**
 * Everything wrong with a store after crashes or races, through its public API: an acknowledged write missing
 * or different, a gap or broken hash link in the version chain, data without its audit entry (or the
 * other way round), or an audit chain that does not verify. Empty when all is well.
 */
export async function storeProblems(store: Store, acked: AckedWrites): Promise<string[]> {
  const problems: string[] = [];
  const info = await store.definitions.getInfo(FORM_ID);
  const { versions } = await store.definitions.history(FORM_ID, { limit: info.headVersion + 1 });
  const byVersion = new Map(versions.map((v) => [v.version, v]));
  for (let n = 1; n <= info.headVersion; n += 1) {
    const version = byVersion.get(n);
    if (!version) problems.push(`version ${n} of ${info.headVersion} is missing`);
    else if (version.hash !== sha256(canonicalJson(version.content)))
      problems.push(`version ${n}: content does not match its hash`);
    else if (n > 1 && version.parentHash !== byVersion.get(n - 1)?.hash)
      problems.push(`version ${n}: parent hash does not link to version ${n - 1}`);
  }
  if (versions.length !== info.headVersion)
    problems.push(`${versions.length} versions stored, head is ${info.headVersion}`);
  for (const [n, hash] of acked.versions)
    if (byVersion.get(n)?.hash !== hash) problems.push(`acknowledged version ${n} is lost or changed`);

  const { total, records } = await store.records.list(FORM_ID, { limit: acked.records.size + 1_000_000 });
  const stored = new Map(records.map((r) => [r.id, r]));
  for (const [id, employee] of acked.records) {
    const record = stored.get(id);
    if (record?.data.employee !== employee || record.revision !== 1)
      problems.push(`acknowledged record ${id} (${employee}) is lost or changed`);
  }

  const audit = await store.audit({ limit: 10_000_000 });
  const saves = audit.filter((e) => e.action === 'definition.create' || e.action === 'definition.save');
  if (saves.length !== info.headVersion)
    problems.push(`${saves.length} audit entries for ${info.headVersion} definition versions`);
  const entered = audit
    .filter((e) => e.action === 'record.create' || e.action === 'record.import')
    .reduce((sum, e) => sum + Number(e.summary.count), 0);
  if (entered !== total) problems.push(`audit entries account for ${entered} records, ${total} are stored`);
  const verification = await store.verifyAudit();
  if (!verification.ok)
    problems.push(`audit chain broken at entry ${verification.brokenAt} (${verification.reason})`);
  else if (verification.entries !== audit.length)
    problems.push(`verifyAudit saw ${verification.entries} entries, the log lists ${audit.length}`);
  return problems;
}
