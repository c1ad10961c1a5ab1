import {
  createPalette,
  type FieldPaletteItem,
  type LayoutPaletteItem,
  type Palette,
  type PaletteGroup,
} from './palette.ts';

/** The built-in palette groups, in display order. */
export const PALETTE_GROUPS: readonly PaletteGroup[] = [
  { id: 'basic', name: { 'zh-CN': '基础字段', en: 'Basic fields' } },
  { id: 'choice', name: { 'zh-CN': '选择与评分', en: 'Choices and ratings' } },
  { id: 'dateTime', name: { 'zh-CN': '日期与时间', en: 'Dates and times' } },
  { id: 'people', name: { 'zh-CN': '人员与附件', en: 'People and files' } },
  { id: 'layout', name: { 'zh-CN': '布局', en: 'Layout' } },
];

const options = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    const: `opt${i + 1}`,
    title: { 'zh-CN': `选项 ${i + 1}`, en: `Option ${i + 1}` },
  }));

type FieldSpec = Omit<FieldPaletteItem, 'kind' | 'keyPrefix'> & { readonly keyPrefix?: string };

const field = (spec: FieldSpec): FieldPaletteItem => ({ kind: 'field', keyPrefix: spec.id, ...spec });

/** Built-in field items: one per built-in widget people pick from a palette. */
export const FIELD_ITEMS: readonly FieldPaletteItem[] = [
  field({
    id: 'text',
    group: 'basic',
    name: { 'zh-CN': '单行文本', en: 'Text' },
    icon: 'text',
    keywords: ['input', '输入框', 'string'],
    schema: { type: 'string', maxLength: 200 },
  }),
  field({
    id: 'textarea',
    group: 'basic',
    name: { 'zh-CN': '多行文本', en: 'Paragraph' },
    icon: 'paragraph',
    keywords: ['textarea', 'comment', '备注', '评语'],
    schema: { type: 'string', maxLength: 2000 },
    widget: 'textarea',
  }),
  field({
    id: 'number',
    group: 'basic',
    name: { 'zh-CN': '数字', en: 'Number' },
    icon: 'number',
    keywords: ['数值', 'amount'],
    schema: { type: 'number' },
  }),
  field({
    id: 'percent',
    group: 'basic',
    name: { 'zh-CN': '百分比', en: 'Percentage' },
    icon: 'percent',
    keywords: ['完成率', 'rate', 'progress'],
    schema: { type: 'number', minimum: 0, maximum: 100 },
    widget: 'percent',
  }),
  field({
    id: 'currency',
    group: 'basic',
    name: { 'zh-CN': '金额', en: 'Amount of money' },
    icon: 'currency',
    keywords: ['money', 'currency', '钱', '奖金', 'bonus'],
    schema: { type: 'number', minimum: 0 },
    widget: 'currency',
  }),
  field({
    id: 'email',
    group: 'basic',
    name: { 'zh-CN': '邮箱', en: 'Email' },
    icon: 'email',
    keywords: ['mail', '电子邮件'],
    schema: { type: 'string', format: 'email' },
  }),
  field({
    id: 'url',
    group: 'basic',
    name: { 'zh-CN': '网址', en: 'Link' },
    icon: 'link',
    keywords: ['url', 'link', '链接'],
    schema: { type: 'string', format: 'uri' },
  }),
  field({
    id: 'select',
    group: 'choice',
    name: { 'zh-CN': '下拉选择', en: 'Dropdown' },
    icon: 'select',
    keywords: ['select', 'dropdown', '单选', '状态', 'status'],
    schema: { type: 'string', oneOf: options(3) },
  }),
  field({
    id: 'radio',
    group: 'choice',
    name: { 'zh-CN': '单选按钮', en: 'Radio buttons' },
    icon: 'radio',
    keywords: ['radio', 'single choice', '单选'],
    schema: { type: 'string', oneOf: options(3) },
    widget: 'radio',
  }),
  field({
    id: 'checkboxes',
    group: 'choice',
    name: { 'zh-CN': '多选', en: 'Checkboxes' },
    icon: 'checkbox',
    keywords: ['multiple', 'multi select', '复选'],
    schema: { type: 'array', items: { type: 'string', oneOf: options(3) }, uniqueItems: true },
    widget: 'checkboxes',
  }),
  field({
    id: 'switch',
    group: 'choice',
    name: { 'zh-CN': '开关', en: 'Yes / no' },
    icon: 'switch',
    keywords: ['boolean', 'toggle', '是否'],
    schema: { type: 'boolean' },
  }),
  field({
    id: 'rating',
    group: 'choice',
    name: { 'zh-CN': '评分', en: 'Rating' },
    icon: 'star',
    keywords: ['stars', '星级', '打分', 'score'],
    schema: { type: 'integer', minimum: 1, maximum: 5 },
    widget: 'rating',
  }),
  field({
    id: 'slider',
    group: 'choice',
    name: { 'zh-CN': '滑块', en: 'Slider' },
    icon: 'slider',
    keywords: ['range', '范围'],
    schema: { type: 'number', minimum: 0, maximum: 100 },
    widget: 'slider',
  }),
  field({
    id: 'progress',
    group: 'choice',
    name: { 'zh-CN': '进度', en: 'Progress' },
    icon: 'progress',
    keywords: ['进度条', 'completion', '完成度'],
    schema: { type: 'number', minimum: 0, maximum: 100 },
    widget: 'progress',
  }),
  field({
    id: 'date',
    group: 'dateTime',
    name: { 'zh-CN': '日期', en: 'Date' },
    icon: 'calendar',
    keywords: ['day', '日子', 'deadline', '截止'],
    schema: { type: 'string', format: 'date' },
  }),
  field({
    id: 'datetime',
    group: 'dateTime',
    name: { 'zh-CN': '日期时间', en: 'Date and time' },
    icon: 'clock',
    keywords: ['time', '时间'],
    schema: { type: 'string', format: 'date-time' },
  }),
  field({
    id: 'dateRange',
    group: 'dateTime',
    name: { 'zh-CN': '日期范围', en: 'Date range' },
    icon: 'range',
    keywords: ['period', '周期', '区间'],
    schema: { type: 'string' },
    widget: 'dateRange',
  }),
  field({
    id: 'user',
    group: 'people',
    name: { 'zh-CN': '人员', en: 'Person' },
    icon: 'person',
    keywords: ['employee', '员工', '负责人', 'owner'],
    schema: { type: 'string', format: 'user' },
  }),
  field({
    id: 'orgUnit',
    group: 'people',
    name: { 'zh-CN': '部门', en: 'Department' },
    icon: 'building',
    keywords: ['org unit', 'team', '车间', '组织'],
    schema: { type: 'string', format: 'org-unit' },
  }),
  field({
    id: 'file',
    group: 'people',
    name: { 'zh-CN': '附件', en: 'File' },
    icon: 'file',
    keywords: ['upload', 'attachment', '上传', '图片'],
    schema: { type: 'string' },
    widget: 'file',
  }),
];

const layout = (spec: Omit<LayoutPaletteItem, 'kind' | 'group'>): LayoutPaletteItem => ({
  kind: 'layout',
  group: 'layout',
  ...spec,
});

/** Built-in layout items. Column, tab and step add a part to an existing columns, tabs or steps node. */
export const LAYOUT_ITEMS: readonly LayoutPaletteItem[] = [
  layout({
    id: 'section',
    node: 'section',
    name: { 'zh-CN': '分组', en: 'Section' },
    icon: 'section',
    keywords: ['group', 'card', '卡片'],
  }),
  layout({
    id: 'columns',
    node: 'columns',
    name: { 'zh-CN': '多列', en: 'Columns' },
    icon: 'columns',
    keywords: ['grid', '栅格', '并排'],
  }),
  layout({ id: 'column', node: 'column', name: { 'zh-CN': '列', en: 'Column' }, icon: 'column' }),
  layout({
    id: 'tabs',
    node: 'tabs',
    name: { 'zh-CN': '标签页', en: 'Tabs' },
    icon: 'tabs',
    keywords: ['tab', '页签'],
  }),
  layout({ id: 'tab', node: 'tab', name: { 'zh-CN': '标签', en: 'Tab' }, icon: 'tab' }),
  layout({
    id: 'steps',
    node: 'steps',
    name: { 'zh-CN': '分步', en: 'Steps' },
    icon: 'steps',
    keywords: ['wizard', '向导', '步骤'],
  }),
  layout({ id: 'step', node: 'step', name: { 'zh-CN': '步骤', en: 'Step' }, icon: 'step' }),
  layout({
    id: 'repeatingTable',
    node: 'repeatingTable',
    name: { 'zh-CN': '明细表格', en: 'Repeating table' },
    icon: 'table',
    keywords: ['table', 'rows', '子表', '表格', 'kpi', 'key results'],
  }),
  layout({
    id: 'textBlock',
    node: 'text',
    name: { 'zh-CN': '说明文字', en: 'Text block' },
    icon: 'note',
    keywords: ['markdown', 'note', '提示', 'divider'],
  }),
];

/** A palette with every built-in item; register a pack's own items on it. */
export function createDefaultPalette(): Palette {
  return createPalette(PALETTE_GROUPS, [...FIELD_ITEMS, ...LAYOUT_ITEMS]);
}
