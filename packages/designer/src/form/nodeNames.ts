import type { LocalizedMessage } from '@formboard/formula';

/** What each layout node type is called in the designer. */
export const NODE_TYPE_NAMES: Readonly<Record<string, LocalizedMessage>> = {
  root: { 'zh-CN': '表单', en: 'form' },
  field: { 'zh-CN': '字段', en: 'field' },
  section: { 'zh-CN': '分组', en: 'section' },
  columns: { 'zh-CN': '多列', en: 'columns' },
  column: { 'zh-CN': '列', en: 'column' },
  tabs: { 'zh-CN': '标签页', en: 'tabs' },
  tab: { 'zh-CN': '标签', en: 'tab' },
  steps: { 'zh-CN': '分步', en: 'steps' },
  step: { 'zh-CN': '步骤', en: 'step' },
  repeatingTable: { 'zh-CN': '明细表格', en: 'repeating table' },
  text: { 'zh-CN': '说明文字', en: 'text block' },
};

/** The designer's name of a node type in both locales (the type itself when unknown). */
export function nodeTypeName(type: string): LocalizedMessage {
  return NODE_TYPE_NAMES[type] ?? { 'zh-CN': type, en: type };
}
