import type { LocalizedMessage } from '@formboard/formula';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import { type LocalizedText, localize } from '../schemas/localizedText.ts';
import { fieldPath, issuePointer } from './recordPaths.ts';
import type { FieldIssue } from './validateField.ts';
import type { RecordIssue } from './validateRecord.ts';

// The issues and zh-CN/en messages of a record's checks. No ajv here: the server's ajv validators
// and form-runtime's ajv-free checker (which reports ajv's errors) both build their issues with it.

/** A failed check as ajv reports it (form-runtime's checker reports the same). */
export interface RecordCheckError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string | undefined;
}

/** The form's custom messages: `messages[path][keyword]`. */
type Messages = FormDefinition['messages'];
type CustomMessages = Readonly<Record<string, Readonly<Record<string, LocalizedText>>>>;

/** The message of an empty required field. */
export const REQUIRED_MESSAGE: LocalizedMessage = { 'zh-CN': '此项必填', en: 'This field is required' };

/** The form's own message for a failed check at a path, else `fallback`. */
export function customMessage(
  messages: Messages,
  path: string,
  keyword: string,
  fallback: LocalizedMessage,
): LocalizedMessage {
  const own = (messages as CustomMessages | undefined)?.[path]?.[keyword];
  return own ? { 'zh-CN': localize(own, 'zh-CN'), en: localize(own, 'en') } : fallback;
}

/** The issue of a failed check of a whole record, with the form's custom message if it has one. */
export function recordIssue(error: RecordCheckError, messages: Messages): RecordIssue {
  const pointer = issuePointer(error.instancePath, error.keyword, error.params);
  const path = fieldPath(pointer);
  return {
    pointer,
    path,
    keyword: error.keyword === 'additionalProperties' ? 'unknownField' : error.keyword,
    message: customMessage(messages, path, error.keyword, messageFor(error)),
  };
}

/** The issue of a failed check of one field's value (the field at `path`). */
export function fieldIssue(error: RecordCheckError, path: string, messages: Messages): FieldIssue {
  return { keyword: error.keyword, message: customMessage(messages, path, error.keyword, messageFor(error)) };
}

/**
 * The issues of a field's value when it is empty (undefined, null, "" or []): only `required` is
 * checked then. Undefined when the value is not empty and needs the field's schema.
 */
export function emptyFieldIssues(
  value: unknown,
  required: boolean,
  path: string,
  messages: Messages,
): readonly FieldIssue[] | undefined {
  if (
    !(value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
  )
    return undefined;
  return required
    ? [{ keyword: 'required', message: customMessage(messages, path, 'required', REQUIRED_MESSAGE) }]
    : [];
}

/** The default zh-CN/en message for a failed check of a record value. */
export function messageFor(error: RecordCheckError): LocalizedMessage {
  const p = error.params;
  switch (error.keyword) {
    case 'required':
      return REQUIRED_MESSAGE;
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
    default:
      return { 'zh-CN': '值无效', en: error.message ?? 'Invalid value' };
  }
}

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
