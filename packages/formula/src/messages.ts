/** Every user-visible formula message, in zh-CN and en. */
export type Locale = 'zh-CN' | 'en';

/** A message in both shipped locales. */
export type LocalizedMessage = Readonly<Record<Locale, string>>;

type Params = Readonly<Record<string, string | number>>;
type Template = (p: Params) => string;

const catalog = {
  // syntax
  unexpectedChar: { 'zh-CN': (p) => `无法识别的字符 ${p.char}`, en: (p) => `unexpected character ${p.char}` },
  unterminatedString: {
    'zh-CN': () => '字符串缺少结束引号',
    en: () => 'string is missing its closing quote',
  },
  badEscape: {
    'zh-CN': (p) => `无效的转义序列 \\${p.char}`,
    en: (p) => `invalid escape sequence \\${p.char}`,
  },
  badNumber: { 'zh-CN': (p) => `无效的数字 ${p.text}`, en: (p) => `invalid number ${p.text}` },
  missingCloseParen: { 'zh-CN': () => '缺少右括号', en: () => 'missing closing parenthesis' },
  missingCloseBrace: { 'zh-CN': () => '缺少右花括号 }', en: () => 'missing closing brace }' },
  expectedExpression: { 'zh-CN': () => '此处应为表达式', en: () => 'expected an expression here' },
  unexpectedToken: {
    'zh-CN': (p) => `多余的内容 ${p.token}`,
    en: (p) => `unexpected ${p.token}`,
  },
  expectedFieldName: { 'zh-CN': () => '此处应为字段名', en: () => 'expected a field name here' },
  expectedVariableName: {
    'zh-CN': () => '$ 之后应为变量名，如 $user',
    en: () => 'expected a variable name after $, such as $user',
  },
  tooDeep: {
    'zh-CN': (p) => `公式嵌套过深（最多 ${p.max} 层）`,
    en: (p) => `formula is nested too deeply (at most ${p.max} levels)`,
  },
  tooLong: {
    'zh-CN': (p) => `公式过长（最多 ${p.max} 个字符）`,
    en: (p) => `formula is too long (at most ${p.max} characters)`,
  },
  emptyFormula: { 'zh-CN': () => '公式为空', en: () => 'formula is empty' },
  // type check
  unknownField: {
    'zh-CN': (p) => `未知字段 ${p.name}${p.suggestion ? `，是否想用 ${p.suggestion}？` : ''}`,
    en: (p) => `unknown field ${p.name}${p.suggestion ? ` — did you mean ${p.suggestion}?` : ''}`,
  },
  unknownVariable: {
    'zh-CN': (p) => `未知变量 ${p.name}${p.suggestion ? `，是否想用 ${p.suggestion}？` : ''}`,
    en: (p) => `unknown variable ${p.name}${p.suggestion ? ` — did you mean ${p.suggestion}?` : ''}`,
  },
  unknownFunction: {
    'zh-CN': (p) => `未知函数 ${p.name}${p.suggestion ? `，是否想用 ${p.suggestion}？` : ''}`,
    en: (p) => `unknown function ${p.name}${p.suggestion ? ` — did you mean ${p.suggestion}?` : ''}`,
  },
  argCount: {
    'zh-CN': (p) => `${p.name} 需要 ${p.expected} 个参数，实际为 ${p.actual} 个`,
    en: (p) => `${p.name} takes ${p.expected} argument${p.expected === '1' ? '' : 's'}, got ${p.actual}`,
  },
  argType: {
    'zh-CN': (p) => `${p.name} 的第 ${p.index} 个参数应为${typeZh(p.expected)}，实际为${typeZh(p.actual)}`,
    en: (p) => `argument ${p.index} of ${p.name} should be ${p.expected}, got ${p.actual}`,
  },
  operandType: {
    'zh-CN': (p) => `运算符 ${p.op} 不能用于${typeZh(p.actual)}`,
    en: (p) => `operator ${p.op} cannot be applied to ${p.actual}`,
  },
  // evaluation
  divZero: { 'zh-CN': () => '除数为零', en: () => 'division by zero' },
  notNumber: {
    'zh-CN': (p) => `无法把 ${p.value} 当作数字`,
    en: (p) => `cannot use ${p.value} as a number`,
  },
  notText: {
    'zh-CN': (p) => `无法把 ${p.value} 当作文本`,
    en: (p) => `cannot use ${p.value} as text`,
  },
  notDate: { 'zh-CN': (p) => `无法把 ${p.value} 当作日期`, en: (p) => `cannot use ${p.value} as a date` },
  badArgument: {
    'zh-CN': (p) => `${p.name} 的参数无效：${p.reason}`,
    en: (p) => `invalid argument to ${p.name}: ${p.reason}`,
  },
  notFound: { 'zh-CN': (p) => `${p.name} 未找到匹配值`, en: (p) => `${p.name} found no match` },
  numberOverflow: { 'zh-CN': () => '数值超出范围', en: () => 'number out of range' },
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
  stepBudget: {
    'zh-CN': (p) => `计算量超出上限（${p.max} 步），请简化公式`,
    en: (p) => `formula exceeded its step budget (${p.max} steps); simplify it`,
  },
  textTooLong: {
    'zh-CN': (p) => `文本超出长度上限（${p.max} 个字符）`,
    en: (p) => `text exceeds the length limit (${p.max} characters)`,
  },
  arrayShape: {
    'zh-CN': () => '两个数组长度不一致',
    en: () => 'the two arrays have different lengths',
  },
  indexRange: {
    'zh-CN': (p) => `${p.name} 的位置 ${p.index} 超出范围（共 ${p.count} 项）`,
    en: (p) => `${p.name}: position ${p.index} is out of range (${p.count} items)`,
  },
  emptyFilter: {
    'zh-CN': (p) => `${p.name} 没有符合条件的项；可用第三个参数指定此时的结果`,
    en: (p) => `${p.name} found no matching items; give a third argument to return instead`,
  },
  objectField: {
    'zh-CN': (p) => `${p.name} 是一组字段，请指明其中一项，如 ${p.name}.name`,
    en: (p) => `${p.name} holds several fields; pick one, such as ${p.name}.name`,
  },
  internal: {
    'zh-CN': (p) => `公式计算出错：${p.detail}`,
    en: (p) => `formula evaluation failed: ${p.detail}`,
  },
} satisfies Record<string, Record<Locale, Template>>;

/** Identifier of a message in the catalog. */
export type MessageKey = keyof typeof catalog;

const typeNamesZh: Readonly<Record<string, string>> = {
  number: '数字',
  string: '文本',
  boolean: '逻辑值',
  date: '日期',
  blank: '空值',
  any: '任意值',
};

function typeZh(name: string | number | undefined): string {
  const text = String(name ?? '');
  if (text.endsWith('[]')) return `${typeZh(text.slice(0, -2))}数组`;
  return typeNamesZh[text] ?? text;
}

/** Renders a catalog message in both locales. */
export function message(key: MessageKey, params: Params = {}): LocalizedMessage {
  const entry: Record<Locale, Template> = catalog[key];
  return { 'zh-CN': entry['zh-CN'](params), en: entry.en(params) };
}

/** Prefixes a message with its position: "第 1 行第 14 列：…" / "line 1, column 14: …". */
export function atPosition(msg: LocalizedMessage, line: number, column: number): LocalizedMessage {
  return {
    'zh-CN': `第 ${line} 行第 ${column} 列：${msg['zh-CN']}`,
    en: `line ${line}, column ${column}: ${msg.en}`,
  };
}
