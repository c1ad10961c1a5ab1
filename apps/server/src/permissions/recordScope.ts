import type { FormAccess } from '@formboard/schema';
import type { Role, Store, StoredRecord, User } from '@formboard/storage';

/** Whose records a role sees: their own, theirs and their reports' (all levels), their org unit's, or all. */
export type RecordScope = 'own' | 'reports' | 'orgUnit' | 'all';

// The defaults a form's `access.recordScope` overrides: managers follow the supervisor chain.
const DEFAULT_SCOPE: Record<Role, RecordScope> = {
  admin: 'all',
  manager: 'reports',
  designer: 'own',
  member: 'own',
};
const WIDTH: Record<RecordScope, number> = { own: 0, reports: 1, orgUnit: 2, all: 3 };

/** The widest scope among a user's roles, in a form with these access rules. */
export function recordScopeOf(user: User, access?: FormAccess): RecordScope {
  return user.roles
    .map((role) => access?.recordScope?.[role] ?? DEFAULT_SCOPE[role] ?? 'own')
    .reduce<RecordScope>((widest, scope) => (WIDTH[scope] > WIDTH[widest] ? scope : widest), 'own');
}

/** The owners whose records `user` may see in a form, or undefined for everyone's. */
export async function visibleOwnerIds(
  store: Store,
  user: User,
  access?: FormAccess,
): Promise<string[] | undefined> {
  switch (recordScopeOf(user, access)) {
    case 'all':
      return undefined;
    case 'reports':
      return [user.id, ...(await store.people.reportsOf(user.id, 'all')).map((report) => report.id)];
    case 'orgUnit': {
      if (!user.orgUnitId) return [user.id];
      const units = await store.people.orgUnitSubtree(user.orgUnitId);
      const members = await Promise.all(units.map((unit) => store.people.users(unit)));
      return [...new Set([user.id, ...members.flat().map((member) => member.id)])];
    }
    case 'own':
      return [user.id];
  }
}

/** Whether `user` may see `record`. */
export async function canSee(
  store: Store,
  user: User,
  record: StoredRecord,
  access?: FormAccess,
): Promise<boolean> {
  const owners = await visibleOwnerIds(store, user, access);
  return owners === undefined || owners.includes(record.ownerId);
}

/** Whether `user` may change `record`: its owner, or someone who sees everyone's records. */
export function canChange(user: User, record: StoredRecord, access?: FormAccess): boolean {
  return record.ownerId === user.id || recordScopeOf(user, access) === 'all';
}
