import type { LocalizedMessage } from '@formboard/formula';

/** The property schema of a widget's `props`: data schema properties (scalar fields), by prop name. */
export type WidgetPropertySchema = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

const t = (zh: string, en: string): LocalizedMessage => ({ 'zh-CN': zh, en });

/**
 * The props of the built-in widgets that read any (see form-runtime's widgets). A template pack's
 * widget passes its own schema to the designer (`widgetProperties`) and gets a property panel for free.
 */
export const BUILT_IN_WIDGET_PROPERTIES: Readonly<Record<string, WidgetPropertySchema>> = {
  select: { searchable: { type: 'boolean', title: t('可搜索', 'Searchable') } },
  textarea: { rows: { type: 'integer', minimum: 1, maximum: 30, title: t('行数', 'Rows') } },
  slider: {
    min: { type: 'number', title: t('最小值', 'Minimum') },
    max: { type: 'number', title: t('最大值', 'Maximum') },
    step: { type: 'number', exclusiveMinimum: 0, title: t('步长', 'Step') },
  },
  rating: { max: { type: 'integer', minimum: 1, maximum: 10, title: t('星星数', 'Stars') } },
  currency: {
    currency: {
      type: 'string',
      title: t('币种', 'Currency'),
      oneOf: [
        { const: 'CNY', title: t('人民币', 'Chinese yuan') },
        { const: 'USD', title: t('美元', 'US dollar') },
        { const: 'EUR', title: t('欧元', 'Euro') },
        { const: 'HKD', title: t('港币', 'Hong Kong dollar') },
        { const: 'JPY', title: t('日元', 'Japanese yen') },
      ],
    },
  },
  file: {
    accept: {
      type: 'string',
      maxLength: 200,
      title: t('允许的文件类型（如 .pdf,image/*）', 'Accepted types (e.g. .pdf,image/*)'),
    },
  },
};

/** What each built-in widget is called in the property panel. */
export const WIDGET_NAMES: Readonly<Record<string, LocalizedMessage>> = {
  text: t('单行文本', 'Text'),
  textarea: t('多行文本', 'Paragraph'),
  select: t('下拉选择', 'Dropdown'),
  radio: t('单选按钮', 'Radio buttons'),
  date: t('日期', 'Date'),
  datetime: t('日期时间', 'Date and time'),
  email: t('邮箱', 'Email'),
  url: t('网址', 'Link'),
  user: t('人员', 'Person'),
  orgUnit: t('部门', 'Department'),
  recordRef: t('关联记录', 'Linked record'),
  markdown: t('富文本（Markdown）', 'Rich text (Markdown)'),
  dateRange: t('日期范围', 'Date range'),
  file: t('附件', 'File'),
  number: t('数字', 'Number'),
  slider: t('滑块', 'Slider'),
  rating: t('评分', 'Rating'),
  percent: t('百分比', 'Percentage'),
  currency: t('金额', 'Amount of money'),
  progress: t('进度条', 'Progress bar'),
  switch: t('开关', 'Switch'),
  checkbox: t('复选框', 'Checkbox'),
  checkboxes: t('多选框', 'Checkboxes'),
  multiSelect: t('多选下拉', 'Multi-select'),
  tags: t('标签', 'Tags'),
};
