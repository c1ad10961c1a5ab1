import type { Store, User } from '@formboard/storage';
import { benchForm, VERSIONED_FORM_ID } from './benchForm.ts';
import { timeMs } from './timing.ts';

export const VERSIONS = 10_000;
export const AUDIT_ENTRIES = 100_000;
const USER_BATCH = 10_000;

/** How long building the history took through the API. */
export interface HistoryBuild {
  readonly saves: number;
  readonly savesMs: number;
  readonly users: number;
  readonly usersMs: number;
}

/**
 * Through the public API: a definition saved until it has VERSIONS versions (one audit entry each),
 * then users imported (`people.saveUsers`, one audit entry per user) until the audit log holds exactly
 * AUDIT_ENTRIES entries.
 */
export async function buildHistory(store: Store): Promise<HistoryBuild> {
  await store.definitions.create(benchForm(VERSIONED_FORM_ID, 'v1'), { author: 'bench' });
  const saves = VERSIONS - 1;
  const savesMs = await timeMs(async () => {
    for (let v = 1; v <= saves; v += 1) {
      await store.definitions.save(VERSIONED_FORM_ID, benchForm(VERSIONED_FORM_ID, `v${v + 1}`), {
        baseVersion: v,
        author: 'bench',
        message: `edit ${v}`,
      });
    }
  });
  const users = AUDIT_ENTRIES - VERSIONS;
  const usersMs = await timeMs(async () => {
    for (let start = 0; start < users; start += USER_BATCH) {
      const batch = Array.from(
        { length: Math.min(USER_BATCH, users - start) },
        (_, k): User => ({
          id: `user-${start + k}`,
          name: `用户 ${start + k}`,
          email: null,
          orgUnitId: null,
          supervisorId: null,
          roles: ['member'],
          disabled: false,
        }),
      );
      await store.people.saveUsers(batch, 'hr-sync');
    }
  });
  return { saves, savesMs, users, usersMs };
}
