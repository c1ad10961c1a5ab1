import type { LocalizedText } from '../schemas/localizedText.ts';
import type { ImportNotes } from './ImportNotes.ts';
import { isObject, type JsonObject } from './normalizeSchema.ts';
import type { SchemaKeywords } from './SchemaKeywords.ts';

/** The scalar JSON Schema types a form field can have. */
export type ScalarType = 'string' | 'number' | 'integer' | 'boolean';

const FORMATS = new Set(['date', 'date-time', 'email', 'uri']);

/** True for a string or a `{ "zh-CN": …, "en": … }` map of strings. */
export function isLocalizedText(value: unknown): value is LocalizedText {
  if (typeof value === 'string') return true;
  if (!isObject(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([locale, text]) => /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(locale) && typeof text === 'string',
    )
  );
}

/** Takes `title` and `description` into `out` when they are text; notes them otherwise. */
export function takeAnnotations(kw: SchemaKeywords, out: JsonObject, notes: ImportNotes): void {
  for (const keyword of ['title', 'description']) {
    const entry = kw.take(keyword);
    if (!entry) continue;
    if (isLocalizedText(entry.value)) out[keyword] = entry.value;
    else {
      notes.schema(entry.at, 'dropped', 'keyword.invalid', {
        'zh-CN': `${keyword} 不是文本，未导入`,
        en: `${keyword} is not text and was not imported`,
      });
    }
  }
}

type Value = string | number;

const fits = (value: unknown, type: 'string' | 'number'): value is Value => typeof value === type;

/**
 * Reads the options of a choice field from `enum` (with rjsf's `enumNames`), `oneOf`/`anyOf` lists of
 * `const`, or a lone `const`, and writes them as `enum` or (with titles) `oneOf` into `out`.
 */
export function takeChoices(
  kw: SchemaKeywords,
  type: 'string' | 'number',
  out: JsonObject,
  notes: ImportNotes,
): void {
  const values: Value[] = [];
  const titles = new Map<Value, LocalizedText>();
  const add = (value: unknown, at: string): void => {
    if (value === null) return; // "may be empty": every field may be left empty
    if (!fits(value, type)) {
      notes.schema(at, 'dropped', 'choice.type', {
        'zh-CN': `选项 ${JSON.stringify(value)} 不是${type === 'string' ? '文本' : '数字'}，未导入`,
        en: `the option ${JSON.stringify(value)} is not a ${type} and was not imported`,
      });
      return;
    }
    if (!values.includes(value)) values.push(value);
  };

  const enumEntry = kw.take('enum');
  if (enumEntry && Array.isArray(enumEntry.value)) {
    enumEntry.value.forEach((value, i) => {
      add(value, `${enumEntry.at}/${i}`);
    });
    const names = kw.take('enumNames');
    if (names && Array.isArray(names.value)) {
      names.value.forEach((name, i) => {
        const value = (enumEntry.value as unknown[])[i];
        if (fits(value, type) && isLocalizedText(name)) titles.set(value, name);
      });
    }
  } else if (enumEntry) {
    notes.schema(enumEntry.at, 'dropped', 'keyword.invalid', {
      'zh-CN': 'enum 不是数组，未导入',
      en: 'enum is not an array and was not imported',
    });
  }

  for (const keyword of ['oneOf', 'anyOf']) {
    if (values.length > 0 || !kw.has(keyword)) continue;
    const entry = kw.take(keyword);
    const branches = entry && Array.isArray(entry.value) ? entry.value : [];
    if (!entry || !branches.every((b) => isObject(b) && Object.hasOwn(b, 'const'))) {
      if (entry) noteOptionsOnly(notes, keyword, entry.at);
      continue;
    }
    branches.forEach((branch: JsonObject, i) => {
      const at = `${entry.at}/${i}`;
      add(branch.const, `${at}/const`);
      if (fits(branch.const, type) && isLocalizedText(branch.title)) titles.set(branch.const, branch.title);
      for (const key of Object.keys(branch)) {
        if (!['const', 'title', 'type', '$comment'].includes(key)) {
          notes.schema(`${at}/${key}`, 'dropped', 'choice.keyword', {
            'zh-CN': `选项只保留 const 和 title，未导入 ${key}`,
            en: `options keep const and title only; ${key} was not imported`,
          });
        }
      }
    });
  }

  const constEntry = kw.take('const');
  if (constEntry && values.length === 0) {
    add(constEntry.value, constEntry.at);
    if (values.length > 0) {
      notes.schema(constEntry.at, 'changed', 'const.single', {
        'zh-CN': 'const 导入为只有一个选项的选择字段',
        en: 'const was imported as a choice with a single option',
      });
    }
  } else if (constEntry) {
    notes.schema(constEntry.at, 'dropped', 'keyword.unsupported', {
      'zh-CN': '已有选项列表，未导入 const',
      en: 'the field already has a list of options; const was not imported',
    });
  }

  if (values.length === 0) return;
  if (titles.size === 0) out.enum = values;
  else out.oneOf = values.map((value) => ({ const: value, ...withTitle(titles.get(value)) }));
}

const withTitle = (title: LocalizedText | undefined) => (title === undefined ? {} : { title });

function noteOptionsOnly(notes: ImportNotes, keyword: string, at: string): void {
  notes.schema(at, 'dropped', 'keyword.unsupported', {
    'zh-CN': `未导入 ${keyword}：只支持由 const 组成的选项列表，不支持多选一的结构`,
    en: `${keyword} was not imported: only lists of const options are supported, not alternative schemas`,
  });
}

function takeNumber(
  kw: SchemaKeywords,
  keyword: string,
  out: JsonObject,
  notes: ImportNotes,
  valid: (n: number) => boolean = Number.isFinite,
): void {
  const entry = kw.take(keyword);
  if (!entry) return;
  if (typeof entry.value === 'number' && valid(entry.value)) out[keyword] = entry.value;
  else {
    notes.schema(entry.at, 'dropped', 'keyword.invalid', {
      'zh-CN': `${keyword} 的值 ${JSON.stringify(entry.value)} 无效，未导入`,
      en: `${keyword} has the invalid value ${JSON.stringify(entry.value)} and was not imported`,
    });
  }
}

function takeDefault(
  kw: SchemaKeywords,
  check: (v: unknown) => boolean,
  out: JsonObject,
  notes: ImportNotes,
): void {
  const entry = kw.take('default');
  if (!entry) return;
  if (check(entry.value)) out.default = entry.value;
  else {
    notes.schema(entry.at, 'dropped', 'default.type', {
      'zh-CN': `默认值 ${JSON.stringify(entry.value)} 与字段类型不符，未导入`,
      en: `the default ${JSON.stringify(entry.value)} does not fit the field's type and was not imported`,
    });
  }
}

const isCount = (n: number) => Number.isInteger(n) && n >= 0;

/** Converts the type-specific keywords of a scalar field into `out` (which already has type and annotations). */
export function convertScalar(
  type: ScalarType,
  kw: SchemaKeywords,
  out: JsonObject,
  notes: ImportNotes,
): void {
  if (type === 'string') {
    takeDefault(kw, (v) => typeof v === 'string', out, notes);
    takeNumber(kw, 'minLength', out, notes, isCount);
    takeNumber(kw, 'maxLength', out, notes, isCount);
    const pattern = kw.take('pattern');
    if (pattern && typeof pattern.value === 'string' && compiles(pattern.value)) out.pattern = pattern.value;
    else if (pattern) {
      notes.schema(pattern.at, 'dropped', 'keyword.invalid', {
        'zh-CN': 'pattern 不是有效的正则表达式，未导入',
        en: 'pattern is not a valid regular expression and was not imported',
      });
    }
    const format = kw.take('format');
    if (format && typeof format.value === 'string' && FORMATS.has(format.value)) out.format = format.value;
    else if (format) {
      notes.schema(format.at, 'dropped', 'format.unsupported', {
        'zh-CN': `不支持格式 ${JSON.stringify(format.value)}（支持 date、date-time、email、uri），按普通文本导入`,
        en: `the format ${JSON.stringify(format.value)} is not supported (date, date-time, email, uri are); imported as plain text`,
      });
    }
    takeChoices(kw, 'string', out, notes);
    return;
  }
  if (type === 'boolean') {
    takeDefault(kw, (v) => typeof v === 'boolean', out, notes);
    return;
  }
  takeDefault(kw, (v) => typeof v === 'number', out, notes);
  takeNumber(kw, 'minimum', out, notes);
  takeNumber(kw, 'maximum', out, notes);
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    const entry = kw.take(exclusive);
    // Draft 4 wrote `exclusiveMinimum: true` next to `minimum`; later drafts give the bound itself.
    if (entry && typeof entry.value === 'boolean') {
      if (entry.value && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      }
    } else if (entry && typeof entry.value === 'number' && Number.isFinite(entry.value)) {
      out[exclusive] = entry.value;
    } else if (entry) {
      notes.schema(entry.at, 'dropped', 'keyword.invalid', {
        'zh-CN': `${exclusive} 的值 ${JSON.stringify(entry.value)} 无效，未导入`,
        en: `${exclusive} has the invalid value ${JSON.stringify(entry.value)} and was not imported`,
      });
    }
  }
  takeNumber(kw, 'multipleOf', out, notes, (n) => Number.isFinite(n) && n > 0);
  takeChoices(kw, 'number', out, notes);
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** Converts `items` of strings (with options or free text) into a multi-select field in `out`. */
export function convertMultiSelect(
  items: SchemaKeywords,
  kw: SchemaKeywords,
  out: JsonObject,
  notes: ImportNotes,
): void {
  const itemsOut: JsonObject = { type: 'string' };
  takeChoices(items, 'string', itemsOut, notes);
  out.items = itemsOut;
  const unique = kw.take('uniqueItems');
  if (unique?.value === true) out.uniqueItems = true;
  takeNumber(kw, 'minItems', out, notes, isCount);
  takeNumber(kw, 'maxItems', out, notes, isCount);
  takeDefault(kw, (v) => Array.isArray(v) && v.every((s) => typeof s === 'string'), out, notes);
}
