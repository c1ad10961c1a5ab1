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
  /** Hints for errors that carry an HTTP status: signed out, not shared, removed. */
  readonly errorHints: {
    readonly unauthorized: string;
    readonly forbidden: string;
    readonly notFound: string;
  };
  readonly exportPng: string;
  readonly exportCsv: string;
  /** The tooltip of items that open their records when clicked. */
  readonly openRecords: string;
  readonly rank: string;
  readonly newEntry: string;
  readonly movedUp: (places: number) => string;
  readonly movedDown: (places: number) => string;
  readonly sameRank: string;
  /** After the viewer's own name, spacing included. */
  readonly you: string;
  readonly severities: Readonly<Record<'info' | 'warning' | 'critical', string>>;
  readonly alertStatuses: Readonly<Record<'open' | 'acknowledged' | 'closed', string>>;
  readonly openFor: (age: string) => string;
  readonly respondedIn: (time: string) => string;
  readonly noResponse: string;
  readonly overdue: string;
  readonly assignee: string;
  readonly noAlerts: string;
  readonly noAlertsHint: string;
  readonly expand: (title: string) => string;
  readonly collapse: (title: string) => string;
  readonly owner: string;
  /** Default names of the nine boxes, bottom left first, row by row. */
  readonly boxLabels: readonly string[];
  readonly unplaced: (count: number) => string;
  readonly pageOf: (page: number, pages: number) => string;
  readonly previousPage: string;
  readonly nextPage: string;
  readonly rowCount: (count: number) => string;
  readonly fullScreen: string;
  readonly exitFullScreen: string;
  readonly pauseRotation: string;
  readonly resumeRotation: string;
  readonly previousBoard: string;
  readonly nextBoard: string;
  readonly nextIn: (seconds: number) => string;
  /** CSV headers of an alert list and of an alignment tree. */
  readonly alertCsvHeader: readonly string[];
  readonly treeCsvHeader: readonly string[];
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
  errorHints: {
    unauthorized: '登录已过期，请重新登录后刷新页面。',
    forbidden: '你没有查看这些数据的权限；如需查看，请联系看板负责人共享给你。',
    notFound: '看板或组件已被删除或修改，请刷新页面；如果仍然出现，请联系看板负责人。',
  },
  exportPng: '导出图片',
  exportCsv: '导出数据',
  openRecords: '点击查看明细记录',
  rank: '名次',
  newEntry: '新上榜',
  movedUp: (places) => `上升 ${places} 名`,
  movedDown: (places) => `下降 ${places} 名`,
  sameRank: '名次不变',
  you: '（我）',
  severities: { info: '提示', warning: '警告', critical: '严重' },
  alertStatuses: { open: '待处理', acknowledged: '已响应', closed: '已关闭' },
  openFor: (age) => `已持续 ${age}`,
  respondedIn: (time) => `${time}后响应`,
  noResponse: '尚未响应',
  overdue: '超过 24 小时未响应',
  assignee: '负责人',
  noAlerts: '没有待处理的预警',
  noAlertsHint: '一切正常；出现新的预警时会自动显示在这里。',
  expand: (title) => `展开“${title}”`,
  collapse: (title) => `收起“${title}”`,
  owner: '负责人',
  boxLabels: [
    '风险人才',
    '基本胜任',
    '专业骨干',
    '待观察',
    '中坚力量',
    '高绩效者',
    '潜力新星',
    '成长之星',
    '明星人才',
  ],
  unplaced: (count) => `${count} 人缺少数据，未放入九宫格`,
  pageOf: (page, pages) => `第 ${page} / ${pages} 页`,
  previousPage: '上一页',
  nextPage: '下一页',
  rowCount: (count) => `共 ${count} 行`,
  fullScreen: '全屏',
  exitFullScreen: '退出全屏',
  pauseRotation: '暂停轮播',
  resumeRotation: '继续轮播',
  previousBoard: '上一个看板',
  nextBoard: '下一个看板',
  nextIn: (seconds) => `${seconds} 秒后切换`,
  alertCsvHeader: ['预警', '对象', '负责人', '级别', '状态', '开始时间', '持续小时数', '响应小时数'],
  treeCsvHeader: ['层级', '目标', '负责人', '进度'],
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
  errorHints: {
    unauthorized: 'Your session has ended; sign in again and reload the page.',
    forbidden: 'You may not see this data; ask the owner of the board to share it with you.',
    notFound:
      'The board or widget was removed or changed; reload the page, and if it persists ask its owner.',
  },
  exportPng: 'download an image',
  exportCsv: 'download the data',
  openRecords: 'Click to see the records',
  rank: 'Rank',
  newEntry: 'New',
  movedUp: (places) => `up ${places}`,
  movedDown: (places) => `down ${places}`,
  sameRank: 'no change',
  you: ' (you)',
  severities: { info: 'Info', warning: 'Warning', critical: 'Critical' },
  alertStatuses: { open: 'Open', acknowledged: 'Acknowledged', closed: 'Closed' },
  openFor: (age) => `open ${age}`,
  respondedIn: (time) => `responded in ${time}`,
  noResponse: 'no response yet',
  overdue: 'no response for over 24 h',
  assignee: 'Assignee',
  noAlerts: 'No open alerts',
  noAlertsHint: 'All clear; new alerts appear here automatically.',
  expand: (title) => `Expand ${title}`,
  collapse: (title) => `Collapse ${title}`,
  owner: 'Owner',
  boxLabels: [
    'Talent risk',
    'Effective',
    'Trusted professional',
    'Inconsistent',
    'Core player',
    'High performer',
    'Rough diamond',
    'Emerging star',
    'Star',
  ],
  unplaced: (count) => `${count} not placed (a value is missing)`,
  pageOf: (page, pages) => `Page ${page} of ${pages}`,
  previousPage: 'Previous page',
  nextPage: 'Next page',
  rowCount: (count) => `${count} rows`,
  fullScreen: 'Full screen',
  exitFullScreen: 'Exit full screen',
  pauseRotation: 'Pause rotation',
  resumeRotation: 'Resume rotation',
  previousBoard: 'Previous board',
  nextBoard: 'Next board',
  nextIn: (seconds) => `next in ${seconds} s`,
  alertCsvHeader: [
    'Alert',
    'About',
    'Assignee',
    'Severity',
    'Status',
    'Opened',
    'Open hours',
    'Response hours',
  ],
  treeCsvHeader: ['Level', 'Objective', 'Owner', 'Progress'],
};

/** The built-in strings of a locale. */
export function dashboardMessages(locale: Locale): DashboardMessages {
  return locale === 'en' ? en : zhCN;
}
