import type { Locale } from '@formboard/formula';
import { COMMON_DESIGNER_MESSAGES, type CommonDesignerMessages } from '../shared/sessionMessages.ts';

/** Every string the dashboard designer's own UI shows, in zh-CN and en. */
export interface DashboardDesignerMessages extends CommonDesignerMessages {
  readonly toolbar: string;
  readonly palette: string;
  readonly searchPalette: string;
  readonly noPaletteMatch: string;
  readonly addWidget: (name: string) => string;
  readonly canvas: string;
  readonly emptyCanvas: string;
  readonly settings: string;
  readonly widgetSettings: string;
  readonly dashboardSettings: string;
  readonly manySelected: (count: number) => string;
  /** A card's accessible description: what it is and how the keyboard moves it. */
  readonly cardHelp: string;
  readonly resizeHandle: (title: string, edge: 'e' | 's' | 'se') => string;
  readonly movedTo: (title: string, column: number, row: number) => string;
  readonly resizedTo: (title: string, w: number, h: number) => string;
  readonly added: (title: string, column: number, row: number) => string;
  readonly removed: (count: number) => string;
  readonly dropAt: (column: number, row: number, w: number, h: number) => string;
  readonly widgetProblems: (count: number) => string;
  readonly loading: string;
  readonly empty: string;
  readonly previewError: string;
  readonly chooseSource: string;
  readonly noPreview: string;
  readonly general: string;
  readonly title: string;
  readonly description: string;
  readonly widgetType: string;
  readonly source: string;
  readonly none: string;
  readonly query: string;
  readonly measures: string;
  readonly measure: string;
  readonly addMeasure: string;
  readonly removeMeasure: (name: string) => string;
  readonly aggregate: string;
  readonly field: string;
  readonly label: string;
  readonly format: string;
  readonly computedFormula: string;
  readonly groupBy: (n: number) => string;
  readonly timeBucket: string;
  readonly timeField: string;
  readonly timeZone: string;
  readonly filterFormula: string;
  readonly filterFormulaHint: string;
  readonly sortBy: string;
  readonly direction: string;
  readonly limit: string;
  readonly compareWithPrevious: string;
  readonly display: string;
  readonly target: string;
  readonly targetKind: string;
  readonly targetValue: string;
  readonly targetMeasure: string;
  readonly thresholds: string;
  readonly higherIsBetter: string;
  readonly basis: string;
  readonly bands: string;
  readonly bandFrom: (n: number) => string;
  readonly bandColor: (n: number) => string;
  readonly bandLabel: (n: number) => string;
  readonly addBand: string;
  readonly removeBand: (n: number) => string;
  readonly useThresholds: string;
  readonly content: string;
  readonly tree: string;
  readonly grid: string;
  readonly columns: string;
  readonly rowHeight: string;
  readonly refreshSeconds: string;
  readonly filters: string;
  readonly addFilter: (kind: string) => string;
  readonly removeFilter: (name: string) => string;
  readonly filterDefault: string;
  readonly filterField: (form: string) => string;
  readonly includeSubUnits: string;
  readonly multiple: string;
  readonly ignoredFilters: string;
  readonly yes: string;
  readonly no: string;
}

const zh: DashboardDesignerMessages = {
  ...COMMON_DESIGNER_MESSAGES['zh-CN'],
  toolbar: '看板设计器工具栏',
  palette: '组件',
  searchPalette: '搜索组件',
  noPaletteMatch: '没有匹配的组件',
  addWidget: (name) => `添加 ${name}`,
  canvas: '看板画布',
  emptyCanvas: '把左侧的组件拖到网格上，或点击组件添加',
  settings: '设置',
  widgetSettings: '组件设置',
  dashboardSettings: '看板设置',
  manySelected: (count) => `已选中 ${count} 个组件`,
  cardHelp: '方向键移动，Shift + 方向键调整大小，Delete 删除。',
  resizeHandle: (title, edge) =>
    `调整 ${title} 的${edge === 'e' ? '宽度' : edge === 's' ? '高度' : '宽度和高度'}`,
  movedTo: (title, column, row) => `${title} 已移动到第 ${column} 列、第 ${row} 行。`,
  resizedTo: (title, w, h) => `${title} 的大小为 ${w} 列 × ${h} 行。`,
  added: (title, column, row) => `已添加 ${title}，位于第 ${column} 列、第 ${row} 行。`,
  removed: (count) => `已删除 ${count} 个组件。`,
  dropAt: (column, row, w, h) => `第 ${column} 列、第 ${row} 行，${w} × ${h}`,
  widgetProblems: (count) => `${count} 个问题`,
  loading: '正在加载预览…',
  empty: '暂无数据',
  previewError: '预览加载失败',
  chooseSource: '请在右侧设置中选择来源表单',
  noPreview: '无法预览此组件',
  general: '常规',
  title: '标题',
  description: '说明',
  widgetType: '组件类型',
  source: '来源表单',
  none: '（无）',
  query: '数据',
  measures: '指标',
  measure: '指标',
  addMeasure: '添加指标',
  removeMeasure: (name) => `删除指标 ${name}`,
  aggregate: '汇总方式',
  field: '字段',
  label: '名称',
  format: '显示格式',
  computedFormula: '计算公式',
  groupBy: (n) => `分组字段 ${n}`,
  timeBucket: '时间粒度',
  timeField: '时间字段',
  timeZone: '时区',
  filterFormula: '筛选条件（公式）',
  filterFormulaHint: '只统计满足此公式的记录，例如 状态 = "已完成"',
  sortBy: '排序依据',
  direction: '排序方向',
  limit: '最多显示条数',
  compareWithPrevious: '与上期对比',
  display: '显示',
  target: '目标',
  targetKind: '目标来源',
  targetValue: '目标值',
  targetMeasure: '目标指标',
  thresholds: '阈值与颜色',
  higherIsBetter: '越高越好',
  basis: '比较依据',
  bands: '区间',
  bandFrom: (n) => `区间 ${n} 起点`,
  bandColor: (n) => `区间 ${n} 颜色`,
  bandLabel: (n) => `区间 ${n} 名称`,
  addBand: '添加区间',
  removeBand: (n) => `删除区间 ${n}`,
  useThresholds: '按阈值着色',
  content: '内容（Markdown）',
  tree: '对齐树',
  grid: '网格',
  columns: '列数',
  rowHeight: '行高（像素）',
  refreshSeconds: '自动刷新间隔（秒）',
  filters: '看板筛选器',
  addFilter: (kind) => `添加筛选器：${kind}`,
  removeFilter: (name) => `删除筛选器 ${name}`,
  filterDefault: '默认值',
  filterField: (form) => `${form} 中的字段`,
  includeSubUnits: '包含下级部门',
  multiple: '可多选',
  ignoredFilters: '不受这些筛选器影响',
  yes: '是',
  no: '否',
};

const en: DashboardDesignerMessages = {
  ...COMMON_DESIGNER_MESSAGES.en,
  toolbar: 'Dashboard designer toolbar',
  palette: 'Widgets',
  searchPalette: 'Search widgets',
  noPaletteMatch: 'No widget matches',
  addWidget: (name) => `Add ${name}`,
  canvas: 'Dashboard canvas',
  emptyCanvas: 'Drag a widget from the left onto the grid, or click one to add it',
  settings: 'Settings',
  widgetSettings: 'Widget settings',
  dashboardSettings: 'Dashboard settings',
  manySelected: (count) => `${count} widgets selected`,
  cardHelp: 'Arrow keys move it, Shift + arrow keys resize it, Delete removes it.',
  resizeHandle: (title, edge) =>
    `Resize ${title}: ${edge === 'e' ? 'width' : edge === 's' ? 'height' : 'width and height'}`,
  movedTo: (title, column, row) => `${title} moved to column ${column}, row ${row}.`,
  resizedTo: (title, w, h) => `${title} is now ${w} columns × ${h} rows.`,
  added: (title, column, row) => `Added ${title} at column ${column}, row ${row}.`,
  removed: (count) => `Deleted ${count} ${count === 1 ? 'widget' : 'widgets'}.`,
  dropAt: (column, row, w, h) => `column ${column}, row ${row}, ${w} × ${h}`,
  widgetProblems: (count) => `${count} ${count === 1 ? 'problem' : 'problems'}`,
  loading: 'Loading preview…',
  empty: 'No data yet',
  previewError: 'The preview could not be loaded',
  chooseSource: 'Choose a source form in the settings on the right',
  noPreview: 'This widget cannot be previewed',
  general: 'General',
  title: 'Title',
  description: 'Description',
  widgetType: 'Widget type',
  source: 'Source form',
  none: '(none)',
  query: 'Data',
  measures: 'Measures',
  measure: 'Measure',
  addMeasure: 'Add measure',
  removeMeasure: (name) => `Remove measure ${name}`,
  aggregate: 'Aggregate',
  field: 'Field',
  label: 'Name',
  format: 'Format',
  computedFormula: 'Formula',
  groupBy: (n) => `Group by ${n}`,
  timeBucket: 'Time bucket',
  timeField: 'Time field',
  timeZone: 'Time zone',
  filterFormula: 'Filter (formula)',
  filterFormulaHint: 'Only records where this formula is TRUE count, e.g. status = "done"',
  sortBy: 'Sort by',
  direction: 'Direction',
  limit: 'Show at most',
  compareWithPrevious: 'Compare with the previous period',
  display: 'Display',
  target: 'Target',
  targetKind: 'Target from',
  targetValue: 'Target value',
  targetMeasure: 'Target measure',
  thresholds: 'Thresholds and colours',
  higherIsBetter: 'Higher is better',
  basis: 'Compare',
  bands: 'Bands',
  bandFrom: (n) => `Band ${n} from`,
  bandColor: (n) => `Band ${n} colour`,
  bandLabel: (n) => `Band ${n} name`,
  addBand: 'Add band',
  removeBand: (n) => `Remove band ${n}`,
  useThresholds: 'Colour by thresholds',
  content: 'Content (Markdown)',
  tree: 'Alignment tree',
  grid: 'Grid',
  columns: 'Columns',
  rowHeight: 'Row height (px)',
  refreshSeconds: 'Refresh every (seconds)',
  filters: 'Dashboard filters',
  addFilter: (kind) => `Add filter: ${kind}`,
  removeFilter: (name) => `Remove filter ${name}`,
  filterDefault: 'Default',
  filterField: (form) => `Field in ${form}`,
  includeSubUnits: 'Include sub-units',
  multiple: 'Allow several',
  ignoredFilters: 'Not narrowed by these filters',
  yes: 'Yes',
  no: 'No',
};

/** The dashboard designer's strings in zh-CN and en. */
export const DASHBOARD_DESIGNER_MESSAGES: Readonly<Record<Locale, DashboardDesignerMessages>> = {
  'zh-CN': zh,
  en,
};

/** The dashboard designer's strings for a locale. */
export function dashboardDesignerMessages(locale: Locale): DashboardDesignerMessages {
  return DASHBOARD_DESIGNER_MESSAGES[locale];
}
