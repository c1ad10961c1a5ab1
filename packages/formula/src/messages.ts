/** The locales every user-visible formula message is written in. */
export type Locale = 'zh-CN' | 'en';

/** A message in both shipped locales. */
export type LocalizedMessage = Readonly<Record<Locale, string>>;

/** The values a message template fills in. */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One message as templates, in both locales. */
export type MessageTemplates = Readonly<Record<Locale, (p: MessageParams) => string>>;

/** Fills in a message's templates in both locales. */
export function render(templates: MessageTemplates, params: MessageParams = {}): LocalizedMessage {
  return { 'zh-CN': templates['zh-CN'](params), en: templates.en(params) };
}

// The messages of parsing and evaluating, which every page that runs formulas needs. The type
// checker's own are in checkMessages.ts and the functions' in functions/functionMessages.ts, so a page
// that only evaluates formulas carries neither (the functions' come with the functions it loads).
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
  // compiling and checking calls
  unknownFunction: {
    'zh-CN': (p) => `未知函数 ${p.name}${p.suggestion ? `，是否想用 ${p.suggestion}？` : ''}`,
    en: (p) => `unknown function ${p.name}${p.suggestion ? ` — did you mean ${p.suggestion}?` : ''}`,
  },
  argCount: {
    'zh-CN': (p) => `${p.name} 需要 ${p.expected} 个参数，实际为 ${p.actual} 个`,
    en: (p) => `${p.name} takes ${p.expected} argument${p.expected === '1' ? '' : 's'}, got ${p.actual}`,
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
  numberOverflow: { 'zh-CN': () => '数值超出范围', en: () => 'number out of range' },
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
  objectField: {
    'zh-CN': (p) => `${p.name} 是一组字段，请指明其中一项，如 ${p.name}.name`,
    en: (p) => `${p.name} holds several fields; pick one, such as ${p.name}.name`,
  },
  internal: {
    'zh-CN': (p) => `公式计算出错：${p.detail}`,
    en: (p) => `formula evaluation failed: ${p.detail}`,
  },
} satisfies Record<string, MessageTemplates>;

/** Identifier of a message in the catalog. */
export type MessageKey = keyof typeof catalog;

/** Renders a catalog message in both locales. */
export function message(key: MessageKey, params: MessageParams = {}): LocalizedMessage {
  return render(catalog[key], params);
}

/** Prefixes a message with its position: "第 1 行第 14 列：…" / "line 1, column 14: …". */
export function atPosition(msg: LocalizedMessage, line: number, column: number): LocalizedMessage {
  return {
    'zh-CN': `第 ${line} 行第 ${column} 列：${msg['zh-CN']}`,
    en: `line ${line}, column ${column}: ${msg.en}`,
  };
}
