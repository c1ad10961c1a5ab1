import {
  createDefinitionValidator,
  type DefinitionIssue,
  type DefinitionValidator,
  type ValidationContext,
} from '@formboard/schema';
import type { CheckResult } from '../core/CheckResult.ts';
import type { Dashboard } from './dashboardTypes.ts';

/** A problem of the edited dashboard, linked to the widget or filter it concerns. */
export interface DashboardProblem extends DefinitionIssue {
  /** The widget to select for this problem, when one is concerned. */
  readonly widgetId?: string;
  /** The dashboard filter concerned, when one is. */
  readonly filterId?: string;
}

/** What `toDefinition` gives: the definition, valid, or every problem to show. */
export type DashboardResult = CheckResult<Dashboard, DashboardProblem>;

/** The widget or filter a pointer into the dashboard concerns. */
export function locateInDashboard(
  dashboard: Dashboard,
  pointer: string,
): { widgetId?: string; filterId?: string } {
  const [, section, index] = pointer.split('/');
  const at = Number(index);
  if (section === 'widgets') {
    const id = dashboard.widgets[at]?.id;
    return id === undefined ? {} : { widgetId: id };
  }
  if (section === 'filters') {
    const id = dashboard.filters?.[at]?.id;
    return id === undefined ? {} : { filterId: id };
  }
  return {};
}

// The designer leaves a choice open as '' until the person makes it (the source form of a new
// widget, an alignment tree's fields); the schema's message for that ("must match pattern …") means
// nothing to them, so it is said plainly.
const CHOICES: Readonly<Record<string, DefinitionIssue['message']>> = {
  source: { 'zh-CN': '请选择来源表单', en: 'choose a source form' },
  parentField: { 'zh-CN': '请选择上级字段', en: 'choose the parent field' },
  titleField: { 'zh-CN': '请选择标题字段', en: 'choose the title field' },
};

function plain(issue: DefinitionIssue): DefinitionIssue {
  if (issue.value !== '' || !issue.code.startsWith('schema.')) return issue;
  const message = CHOICES[issue.pointer.slice(issue.pointer.lastIndexOf('/') + 1)];
  return message ? { ...issue, code: 'designer.choose', message } : issue;
}

/** Whether an issue only says that a choice the designer left open ('') is still to be made. */
export function isOpenChoice(issue: DefinitionIssue): boolean {
  return plain(issue).code === 'designer.choose';
}

/**
 * Validates edited versions of one dashboard with @formboard/schema's incremental validator — against
 * the source forms when `context.form` finds them — and links each problem to its widget or filter.
 */
export function createDashboardChecker(
  context: ValidationContext = {},
): (dashboard: Dashboard) => DashboardResult {
  const validate: DefinitionValidator = createDefinitionValidator();
  let last: { dashboard: Dashboard; result: DashboardResult } | undefined;
  return (dashboard) => {
    if (last?.dashboard === dashboard) return last.result;
    const checked = validate(dashboard, context);
    const result: DashboardResult = checked.ok
      ? { ok: true, definition: dashboard }
      : {
          ok: false,
          problems: checked.issues.map((issue) => ({
            ...plain(issue),
            ...locateInDashboard(dashboard, issue.pointer),
          })),
        };
    last = { dashboard, result };
    return result;
  };
}
