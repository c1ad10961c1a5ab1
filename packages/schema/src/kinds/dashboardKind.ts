import { type DashboardDefinition, dashboardDefinitionSchema } from '../schemas/dashboardDefinition.ts';
import { checkDashboard } from './checkDashboard.ts';
import type { DefinitionKind } from './DefinitionKind.ts';

/** Dashboards: a grid of widgets, each with a query over one form's records. */
export const dashboardKind: DefinitionKind<DashboardDefinition> = {
  kind: 'dashboard',
  schema: dashboardDefinitionSchema,
  check: (dashboard, report, context) => checkDashboard(dashboard, report, context),
};
