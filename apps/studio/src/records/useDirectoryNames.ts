import { useMemo } from 'react';
import { useOrgUnits, useUsers } from '../api/queries.ts';
import type { DirectoryNames } from './recordColumns.ts';

/** Names of people and org units by id, from the directory (empty until it loads). */
export function useDirectoryNames(): DirectoryNames {
  const users = useUsers();
  const orgUnits = useOrgUnits();
  return useMemo(
    () => ({
      users: new Map((users.data ?? []).map((user) => [user.id, user.name])),
      orgUnits: new Map((orgUnits.data ?? []).map((unit) => [unit.id, unit.name])),
    }),
    [users.data, orgUnits.data],
  );
}
