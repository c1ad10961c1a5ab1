import type { LocalizedMessage } from '@formboard/formula';
import type { CheckError } from './schemaCheck.ts';

// The zh-CN/en message of each failed check. They are the server's messages (@formboard/schema's
// `messageFor` over ajv's errors), written out here because that module also builds the ajv
// instance the browser bundle leaves out; tests/validation/recordCheck.test.ts compares the two on
// random schemas and values, so they cannot drift apart.

const FORMAT_ZH: Readonly<Record<string, string>> = {
  date: '日期',
  'date-time': '日期时间',
  email: '邮箱地址',
  uri: '网址',
};
const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是/否',
  array: '列表',
  object: '对象',
};

/** The default message for a failed check of a record value. */
export function checkMessage(error: CheckError): LocalizedMessage {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return { 'zh-CN': '此项必填', en: 'This field is required' };
    case 'additionalProperties':
      return {
        'zh-CN': `表单中没有字段 ${p.additionalProperty}`,
        en: `The form has no field ${p.additionalProperty}`,
      };
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        'zh-CN': `不能小于${error.keyword === 'minimum' ? '' : '或等于'} ${p.limit}`,
        en: `Must be ${p.comparison} ${p.limit}`,
      };
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        'zh-CN': `不能大于${error.keyword === 'maximum' ? '' : '或等于'} ${p.limit}`,
        en: `Must be ${p.comparison} ${p.limit}`,
      };
    case 'minLength':
      return { 'zh-CN': `至少 ${p.limit} 个字符`, en: `At least ${p.limit} characters` };
    case 'maxLength':
      return { 'zh-CN': `最多 ${p.limit} 个字符`, en: `At most ${p.limit} characters` };
    case 'minItems':
      return { 'zh-CN': `至少 ${p.limit} 行`, en: `At least ${p.limit} rows` };
    case 'maxItems':
      return { 'zh-CN': `最多 ${p.limit} 行`, en: `At most ${p.limit} rows` };
    case 'pattern':
      return { 'zh-CN': '格式不正确', en: 'Wrong format' };
    case 'format':
      return {
        'zh-CN': `应为有效的${FORMAT_ZH[String(p.format)] ?? String(p.format)}`,
        en: `Must be a valid ${p.format}`,
      };
    case 'enum':
      return { 'zh-CN': '请从选项中选择', en: 'Choose one of the options' };
    case 'uniqueItems':
      return { 'zh-CN': '选项不能重复', en: 'Choices must not repeat' };
    case 'multipleOf':
      return { 'zh-CN': `应为 ${p.multipleOf} 的倍数`, en: `Must be a multiple of ${p.multipleOf}` };
    case 'type':
      return { 'zh-CN': `应为${TYPE_ZH[String(p.type)] ?? String(p.type)}`, en: `Must be ${p.type}` };
  }
}
