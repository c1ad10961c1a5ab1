import { type MessageParams, type MessageTemplates, render } from '../messages.ts';
import { type ErrorCode, FormulaError } from '../values.ts';

// The messages only built-in functions give (the others are in messages.ts): they are loaded with the
// functions, not with every page that evaluates formulas.
const catalog = {
  badArgument: {
    'zh-CN': (p) => `${p.name} 的参数无效：${p.reason}`,
    en: (p) => `invalid argument to ${p.name}: ${p.reason}`,
  },
  notFound: { 'zh-CN': (p) => `${p.name} 未找到匹配值`, en: (p) => `${p.name} found no match` },
  dateRange: {
    'zh-CN': () => '日期超出范围（须在 1 年至 9999 年之间）',
    en: () => 'date out of range (years 1 to 9999)',
  },
  startAfterEnd: {
    'zh-CN': (p) => `${p.name} 的开始日期晚于结束日期`,
    en: (p) => `${p.name}: the start date is after the end date`,
  },
  badOption: {
    'zh-CN': (p) => `${p.name} 不支持 ${p.value}，可用：${p.options}`,
    en: (p) => `${p.name} does not accept ${p.value}; use one of ${p.options}`,
  },
  badFormat: { 'zh-CN': (p) => `无效的格式代码 ${p.format}`, en: (p) => `invalid format code ${p.format}` },
  indexRange: {
    'zh-CN': (p) => `${p.name} 的位置 ${p.index} 超出范围（共 ${p.count} 项）`,
    en: (p) => `${p.name}: position ${p.index} is out of range (${p.count} items)`,
  },
  emptyFilter: {
    'zh-CN': (p) => `${p.name} 没有符合条件的项；可用第三个参数指定此时的结果`,
    en: (p) => `${p.name} found no matching items; give a third argument to return instead`,
  },
} satisfies Record<string, MessageTemplates>;

/** Identifier of a message of the built-in functions. */
export type FunctionMessageKey = keyof typeof catalog;

/** A function's error value with one of the functions' messages. */
export function functionError(
  code: ErrorCode,
  key: FunctionMessageKey,
  params: MessageParams = {},
): FormulaError {
  return new FormulaError(code, render(catalog[key], params));
}
