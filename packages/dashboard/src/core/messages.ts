import type { Locale } from '@formboard/formula';
import type { DATE_RANGE_PRESETS } from '@formboard/schema';

/** A relative date range a date filter offers. */
export type DatePreset = (typeof DATE_RANGE_PRESETS)[number];

/** Every built-in string the dashboard shows, for one locale. */
export interface DashboardMessages {
  readonly filters: string;
  readonly loading: string;
  readonly empty: string;
  readonly emptyHint: string;
  readonly error: string;
  readonly errorHint: string;
  readonly retry: string;
  readonly unsupported: (type: string) => string;
  readonly target: string;
  readonly achievement: string;
  readonly vsPrevious: string;
  readonly gap: string;
  readonly progress: string;
  readonly confidence: string;
  readonly total: string;
  readonly sortBy: (column: string) => string;
  readonly all: string;
  readonly mine: string;
  readonly me: string;
  readonly myReports: string;
  readonly customRange: string;
  readonly from: string;
  readonly to: string;
  readonly presets: Readonly<Record<DatePreset, string>>;
}

const zhCN: DashboardMessages = {
  filters: '筛选',
  loading: '正在加载…',
  empty: '当前筛选条件下没有数据',
  emptyHint: '请扩大日期范围或清除筛选条件；新提交的记录会自动显示。',
  error: '数据加载失败',
  errorHint: '请检查网络连接后重试；如果问题持续，请联系管理员。',
  retry: '重试',
  unsupported: (type) => `暂不支持“${type}”类型的组件，请在设计器中更换组件类型。`,
  target: '目标',
  achievement: '达成率',
  vsPrevious: '较上期',
  gap: '差距',
  progress: '进度',
  confidence: '信心',
  total: '合计',
  sortBy: (column) => `按“${column}”排序`,
  all: '全部',
  mine: '我的部门',
  me: '我',
  myReports: '我的下属',
  customRange: '自定义…',
  from: '开始日期',
  to: '结束日期',
  presets: {
    today: '今天',
    thisWeek: '本周',
    lastWeek: '上周',
    thisMonth: '本月',
    lastMonth: '上月',
    thisQuarter: '本季度',
    lastQuarter: '上季度',
    thisYear: '今年',
    lastYear: '去年',
    last7Days: '最近 7 天',
    last30Days: '最近 30 天',
    last90Days: '最近 90 天',
    last12Months: '最近 12 个月',
  },
};

const en: DashboardMessages = {
  filters: 'Filters',
  loading: 'Loading…',
  empty: 'No data for these filters',
  emptyHint: 'Widen the date range or clear a filter; newly submitted records appear automatically.',
  error: 'Could not load this widget',
  errorHint: 'Check your connection and retry; if it keeps failing, contact your administrator.',
  retry: 'Retry',
  unsupported: (type) =>
    `Widgets of type "${type}" are not supported yet; pick another type in the designer.`,
  target: 'Target',
  achievement: 'Achievement',
  vsPrevious: 'vs previous period',
  gap: 'Gap',
  progress: 'Progress',
  confidence: 'Confidence',
  total: 'Total',
  sortBy: (column) => `Sort by ${column}`,
  all: 'All',
  mine: 'My unit',
  me: 'Me',
  myReports: 'My reports',
  customRange: 'Custom…',
  from: 'From',
  to: 'To',
  presets: {
    today: 'Today',
    thisWeek: 'This week',
    lastWeek: 'Last week',
    thisMonth: 'This month',
    lastMonth: 'Last month',
    thisQuarter: 'This quarter',
    lastQuarter: 'Last quarter',
    thisYear: 'This year',
    lastYear: 'Last year',
    last7Days: 'Last 7 days',
    last30Days: 'Last 30 days',
    last90Days: 'Last 90 days',
    last12Months: 'Last 12 months',
  },
};

/** The built-in strings of a locale. */
export function dashboardMessages(locale: Locale): DashboardMessages {
  return locale === 'en' ? en : zhCN;
}
