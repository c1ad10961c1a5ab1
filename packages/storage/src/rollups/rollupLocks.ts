import { sha256 } from '../canonicalJson.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { formLayout } from '../layout/formLayouts.ts';

// The first key of the two-key advisory locks roll-ups take (a key space apart from the one-key
// locks of the audit log and the migrations); the second is a hash of the form's id.
const ROLLUP_LOCKS = 0x526f6c6c;

/** A form's advisory lock key: the first 32 bits of SHA-256 of its id, as a signed integer. */
export const formLockKey = (formId: string): number => Number.parseInt(sha256(formId).slice(0, 8), 16) | 0;

/**
 * Takes what recomputing roll-ups into `forms` needs, in the caller's transaction: the layout rows of
 * `layouts` shared (in the order given — children before parents — their typed rows will be written;
 * taken before the locks below, as every writer takes layout rows first), then one advisory lock per
 * form on PostgreSQL, in key order. Every writer whose records roll up into a form, or who writes that
 * form's records, holds its lock from before its first write to its commit, so roll-ups into one form
 * are recomputed one transaction at a time: each reads every earlier writer's committed children and
 * none can lose another's update. SQLite runs one writer at a time already.
 */
export async function lockRollups(
  tx: Dialect,
  layouts: readonly string[],
  forms: readonly string[],
): Promise<void> {
  for (const formId of layouts) await formLayout(tx, formId, 'share');
  if (tx.name !== 'postgres') return;
  const keys = [...new Set(forms.map(formLockKey))].sort((a, b) => a - b);
  for (const key of keys) await tx.query('SELECT pg_advisory_xact_lock(?::int, ?::int)', [ROLLUP_LOCKS, key]);
}
