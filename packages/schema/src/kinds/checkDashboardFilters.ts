import type { LocalizedMessage } from '@formboard/formula';
import type { FieldInfo } from '../fields/fieldIndex.ts';
import type { DashboardDefinition } from '../schemas/dashboardDefinition.ts';
import { pointer, type Report } from '../validate/issues.ts';
import type { FilterBindings } from './checkDashboardQuery.ts';
import { checkTimeZone, type SourceLookup, sourceField } from './checkDashboardSources.ts';

const FIELD_TYPES: Readonly<
  Record<'dateRange' | 'orgUnit' | 'person', { ok: (f: FieldInfo) => boolean; want: LocalizedMessage }>
> = {
  dateRange: {
    ok: (f) => f.formulaType === 'date',
    want: { 'zh-CN': '日期或日期时间', en: 'a date or date-time' },
  },
  orgUnit: { ok: (f) => f.format === 'org-unit', want: { 'zh-CN': '组织单元', en: 'an org-unit' } },
  person: { ok: (f) => f.format === 'user', want: { 'zh-CN': '人员', en: 'a user' } },
};

/**
 * Checks the dashboard filters: unique ids, fixed date ranges in order, and each bound field: its
 * form is a source of some widget, the field exists, is not a table column and has the type the
 * filter narrows. Returns the filters by id for the widget checks.
 */
export function checkDashboardFilters(
  dashboard: DashboardDefinition,
  lookup: SourceLookup,
  report: Report,
): FilterBindings {
  const sources = new Set(
    dashboard.widgets.flatMap((w) =>
      'query' in w ? [w.query.source] : w.type === 'alignmentTree' ? [w.tree.source] : [],
    ),
  );
  const bindings = new Map<string, { type: string; forms: ReadonlySet<string> }>();
  (dashboard.filters ?? []).forEach((filter, i) => {
    const at = `/filters/${i}`;
    if (bindings.has(filter.id)) {
      report(
        `${at}/id`,
        'dashboard.duplicateId',
        { 'zh-CN': `筛选器 id ${filter.id} 重复`, en: `filter id ${filter.id} is used twice` },
        filter.id,
      );
    } else {
      bindings.set(filter.id, { type: filter.type, forms: new Set(Object.keys(filter.fields)) });
    }
    if (filter.type === 'dateRange') {
      checkTimeZone(filter.timeZone, `${at}/timeZone`, report);
      const range = filter.default;
      if (typeof range === 'object' && range.from > range.to) {
        report(
          `${at}/default`,
          'dashboard.dateRangeOrder',
          {
            'zh-CN': `默认日期范围的开始 ${range.from} 晚于结束 ${range.to}`,
            en: `the default range starts (${range.from}) after it ends (${range.to})`,
          },
          range,
        );
      }
    }
    for (const [formId, path] of Object.entries(filter.fields)) {
      const fieldAt = `${at}${pointer('fields', formId)}`;
      if (!sources.has(formId)) {
        report(
          fieldAt,
          'dashboard.filterFormUnused',
          {
            'zh-CN': `没有组件使用表单 ${formId}，此筛选绑定不起作用`,
            en: `no widget queries form ${formId}, so this binding has no effect`,
          },
          formId,
        );
        continue;
      }
      const index = lookup(formId, fieldAt);
      const field = index && sourceField(index, path, fieldAt, report);
      const expected = FIELD_TYPES[filter.type];
      if (!field || (expected.ok(field) && !field.inTable)) continue;
      report(
        fieldAt,
        'dashboard.filterFieldType',
        {
          'zh-CN': `此筛选器需要${expected.want['zh-CN']}字段（不在表格内），${path} 不是`,
          en: `this filter needs ${expected.want.en} field outside tables; ${path} is not one`,
        },
        path,
      );
    }
  });
  return bindings;
}
