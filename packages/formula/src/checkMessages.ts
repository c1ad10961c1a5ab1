import {
  type LocalizedMessage,
  type MessageKey,
  type MessageParams,
  type MessageTemplates,
  message,
  render,
} from './messages.ts';

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

// The type checker's own messages (it also reports unknownFunction and argCount from messages.ts).
const catalog = {
  unknownField: {
    'zh-CN': (p) => `未知字段 ${p.name}${p.suggestion ? `，是否想用 ${p.suggestion}？` : ''}`,
    en: (p) => `unknown field ${p.name}${p.suggestion ? ` — did you mean ${p.suggestion}?` : ''}`,
  },
  unknownVariable: {
    'zh-CN': (p) => `未知变量 ${p.name}${p.suggestion ? `，是否想用 ${p.suggestion}？` : ''}`,
    en: (p) => `unknown variable ${p.name}${p.suggestion ? ` — did you mean ${p.suggestion}?` : ''}`,
  },
  argType: {
    'zh-CN': (p) => `${p.name} 的第 ${p.index} 个参数应为${typeZh(p.expected)}，实际为${typeZh(p.actual)}`,
    en: (p) => `argument ${p.index} of ${p.name} should be ${p.expected}, got ${p.actual}`,
  },
  operandType: {
    'zh-CN': (p) => `运算符 ${p.op} 不能用于${typeZh(p.actual)}`,
    en: (p) => `operator ${p.op} cannot be applied to ${p.actual}`,
  },
} satisfies Record<string, MessageTemplates>;

/** Identifier of a message the type checker reports. */
export type CheckMessageKey = MessageKey | keyof typeof catalog;

/** Renders a checker message in both locales. */
export function checkMessage(key: CheckMessageKey, params: MessageParams = {}): LocalizedMessage {
  return Object.hasOwn(catalog, key)
    ? render(catalog[key as keyof typeof catalog], params)
    : message(key as MessageKey, params);
}
