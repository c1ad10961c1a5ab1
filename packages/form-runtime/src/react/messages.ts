import type { Locale } from '@formboard/formula';

/** Every built-in string the renderer shows, for one locale. Validation messages come from the engine. */
export interface RendererMessages {
  readonly submit: string;
  readonly next: string;
  readonly previous: string;
  readonly stepOf: (step: number, total: number) => string;
  readonly errorSummaryTitle: (count: number) => string;
  readonly wholeForm: string;
  readonly requiredMarker: string;
  readonly empty: string;
  readonly yes: string;
  readonly no: string;
  readonly choose: string;
  readonly search: string;
  readonly noResults: string;
  readonly loading: string;
  readonly remove: (label: string) => string;
  readonly addRow: string;
  readonly noRows: string;
  readonly rowNumber: string;
  readonly rowActions: string;
  readonly cellLabel: (column: string, row: number) => string;
  readonly moveUp: (row: number) => string;
  readonly moveDown: (row: number) => string;
  readonly duplicateRow: (row: number) => string;
  readonly removeRow: (row: number) => string;
  readonly total: string;
  readonly rangeStart: string;
  readonly rangeEnd: string;
  readonly ratingValue: (value: number, max: number) => string;
  readonly upload: string;
  readonly uploading: string;
  readonly uploadFailed: string;
  readonly notConnected: string;
  readonly computedFailed: string;
}

const zhCN: RendererMessages = {
  submit: '提交',
  next: '下一步',
  previous: '上一步',
  stepOf: (step, total) => `第 ${step} 步，共 ${total} 步`,
  errorSummaryTitle: (count) => `请修正以下 ${count} 个问题`,
  wholeForm: '表单',
  requiredMarker: '必填',
  empty: '未填写',
  yes: '是',
  no: '否',
  choose: '请选择',
  search: '输入以搜索',
  noResults: '没有匹配的选项',
  loading: '加载中…',
  remove: (label) => `移除 ${label}`,
  addRow: '添加一行',
  noRows: '还没有数据',
  rowNumber: '序号',
  rowActions: '操作',
  cellLabel: (column, row) => `${column}（第 ${row} 行）`,
  moveUp: (row) => `上移第 ${row} 行`,
  moveDown: (row) => `下移第 ${row} 行`,
  duplicateRow: (row) => `复制第 ${row} 行`,
  removeRow: (row) => `删除第 ${row} 行`,
  total: '合计',
  rangeStart: '开始日期',
  rangeEnd: '结束日期',
  ratingValue: (value, max) => `${value} 星，满分 ${max} 星`,
  upload: '上传文件',
  uploading: '上传中…',
  uploadFailed: '上传失败，请重试',
  notConnected: '此控件未连接数据源',
  computedFailed: '无法计算',
};

const en: RendererMessages = {
  submit: 'Submit',
  next: 'Next',
  previous: 'Back',
  stepOf: (step, total) => `Step ${step} of ${total}`,
  errorSummaryTitle: (count) => (count === 1 ? 'Fix 1 problem' : `Fix ${count} problems`),
  wholeForm: 'Form',
  requiredMarker: 'required',
  empty: 'Not filled in',
  yes: 'Yes',
  no: 'No',
  choose: 'Choose…',
  search: 'Type to search',
  noResults: 'No matching options',
  loading: 'Loading…',
  remove: (label) => `Remove ${label}`,
  addRow: 'Add a row',
  noRows: 'No rows yet',
  rowNumber: 'No.',
  rowActions: 'Actions',
  cellLabel: (column, row) => `${column} (row ${row})`,
  moveUp: (row) => `Move row ${row} up`,
  moveDown: (row) => `Move row ${row} down`,
  duplicateRow: (row) => `Duplicate row ${row}`,
  removeRow: (row) => `Delete row ${row}`,
  total: 'Total',
  rangeStart: 'Start date',
  rangeEnd: 'End date',
  ratingValue: (value, max) => `${value} of ${max} stars`,
  upload: 'Upload a file',
  uploading: 'Uploading…',
  uploadFailed: 'Upload failed; try again',
  notConnected: 'This field has no data source connected',
  computedFailed: 'Cannot be computed',
};

/** The built-in strings by locale: zh-CN first, en complete. */
export const RENDERER_MESSAGES: Readonly<Record<Locale, RendererMessages>> = { 'zh-CN': zhCN, en };

/** The renderer's strings for a locale (zh-CN when the locale is unknown). */
export function rendererMessages(locale: string): RendererMessages {
  return locale === 'en' || locale.startsWith('en-') ? en : zhCN;
}
