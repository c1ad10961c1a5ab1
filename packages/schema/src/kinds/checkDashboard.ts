import type { DashboardDefinition } from '../schemas/dashboardDefinition.ts';
import type { Report } from '../validate/issues.ts';
import { checkDashboardFilters } from './checkDashboardFilters.ts';
import { checkDashboardLayout } from './checkDashboardLayout.ts';
import { createSourceLookup } from './checkDashboardSources.ts';
import { checkDashboardWidget } from './checkDashboardWidgets.ts';
import type { ValidationContext } from './DefinitionKind.ts';

/**
 * The meaning checks of a dashboard, beyond its JSON Schema: unique widget ids, the grid, the
 * dashboard filters, and each widget's query and options — against the source forms when
 * `context.form` can look them up.
 */
export function checkDashboard(
  dashboard: DashboardDefinition,
  report: Report,
  context: ValidationContext,
): void {
  const ids = new Set<string>();
  dashboard.widgets.forEach((widget, i) => {
    if (ids.has(widget.id)) {
      report(
        `/widgets/${i}/id`,
        'dashboard.duplicateId',
        { 'zh-CN': `组件 id ${widget.id} 重复`, en: `widget id ${widget.id} is used twice` },
        widget.id,
      );
    }
    ids.add(widget.id);
  });
  checkDashboardLayout(dashboard, report);
  const lookup = createSourceLookup(context, report);
  const filters = checkDashboardFilters(dashboard, lookup, report);
  dashboard.widgets.forEach((widget, i) => {
    checkDashboardWidget(widget, `/widgets/${i}`, lookup, filters, report);
  });
}
