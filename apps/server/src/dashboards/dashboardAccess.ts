import type { DashboardDefinition } from '@formboard/schema';
import type { DefinitionInfo, Store, User } from '@formboard/storage';

/**
 * Whether `user` may view a dashboard: admins and designers, its creator, and whoever its sharing
 * names — users, roles, or org units (a unit includes its sub-units unless sharing says otherwise).
 */
export async function canViewDashboard(
  store: Store,
  user: User,
  info: DefinitionInfo,
  dashboard: DashboardDefinition,
): Promise<boolean> {
  if (user.roles.includes('admin') || user.roles.includes('designer') || info.createdBy === user.id)
    return true;
  const sharing = dashboard.sharing;
  if (!sharing) return false;
  if (sharing.users?.includes(user.id)) return true;
  if (sharing.roles?.some((role) => user.roles.includes(role))) return true;
  if (!user.orgUnitId || !sharing.orgUnits) return false;
  if (sharing.orgUnits.includes(user.orgUnitId)) return true;
  if (sharing.includeSubUnits === false) return false;
  for (const unit of sharing.orgUnits)
    if ((await store.people.orgUnitSubtree(unit)).includes(user.orgUnitId)) return true;
  return false;
}
