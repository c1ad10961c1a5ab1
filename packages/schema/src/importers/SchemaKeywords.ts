import type { LocalizedMessage } from '@formboard/formula';
import type { ImportNotes } from './ImportNotes.ts';
import type { Located, NormalizedSchema } from './normalizeSchema.ts';

// Why a keyword has no counterpart in Formboard's data schema, for the notes.
const REASONS: Readonly<Record<string, LocalizedMessage>> = {
  additionalProperties: {
    'zh-CN': '表单只保存已定义的字段，不支持额外属性的约束',
    en: 'forms hold their named fields only; constraints on other properties are not supported',
  },
  patternProperties: {
    'zh-CN': '不支持按名称模式匹配的属性，只支持具名字段',
    en: 'properties matched by a name pattern are not supported, only named fields',
  },
  propertyNames: { 'zh-CN': '不支持属性名约束', en: 'constraints on property names are not supported' },
  minProperties: {
    'zh-CN': '不支持属性个数约束',
    en: 'limits on the number of properties are not supported',
  },
  maxProperties: {
    'zh-CN': '不支持属性个数约束',
    en: 'limits on the number of properties are not supported',
  },
  anyOf: {
    'zh-CN': '不支持多选一的结构（只支持由 const 组成的选项列表）',
    en: 'alternative schemas are not supported (only lists of const options)',
  },
  oneOf: {
    'zh-CN': '不支持多选一的结构（只支持由 const 组成的选项列表）',
    en: 'alternative schemas are not supported (only lists of const options)',
  },
  not: { 'zh-CN': '不支持 not 约束', en: 'not is not supported' },
  if: {
    'zh-CN': '条件结构只支持在 then/else 中设置 required（导入为必填规则）',
    en: 'conditional schemas are supported only when then/else set required (imported as required rules)',
  },
  dependencies: {
    'zh-CN': '只支持数组形式的 dependencies（导入为必填规则）',
    en: 'only the array form of dependencies is supported (imported as required rules)',
  },
  dependentSchemas: { 'zh-CN': '不支持依赖结构', en: 'dependent schemas are not supported' },
  unevaluatedProperties: {
    'zh-CN': '表单只保存已定义的字段',
    en: 'forms hold their named fields only',
  },
  items: {
    'zh-CN': '不支持元组（按位置定义的数组项）',
    en: 'tuples (array items by position) are not supported',
  },
  prefixItems: {
    'zh-CN': '不支持元组（按位置定义的数组项）',
    en: 'tuples (array items by position) are not supported',
  },
  additionalItems: {
    'zh-CN': '不支持元组的附加项约束',
    en: 'constraints on extra tuple items are not supported',
  },
  contains: { 'zh-CN': '不支持 contains 约束', en: 'contains is not supported' },
  uniqueItems: {
    'zh-CN': '重复表格的行不能要求互不相同',
    en: 'rows of a repeating table cannot be required to differ',
  },
  examples: { 'zh-CN': '表单定义不保存示例值', en: 'form definitions do not keep example values' },
  writeOnly: { 'zh-CN': '不支持 writeOnly', en: 'writeOnly is not supported' },
  deprecated: { 'zh-CN': '不支持 deprecated 标记', en: 'the deprecated flag is not supported' },
  $id: { 'zh-CN': '表单数据结构没有自己的 $id', en: 'a form data schema has no $id of its own' },
};

/** Notes a keyword that was not imported, with the reason when one is known. */
export function noteDroppedKeyword(
  notes: ImportNotes,
  keyword: string,
  at: string,
  reason?: LocalizedMessage,
): void {
  const why = reason ?? REASONS[keyword];
  notes.schema(at, 'dropped', 'keyword.unsupported', {
    'zh-CN': `未导入 ${keyword}${why ? `：${why['zh-CN']}` : '：表单数据结构不支持该关键字'}`,
    en: `${keyword} was not imported${why ? `: ${why.en}` : ': form data schemas do not support it'}`,
  });
}

// Annotations with no meaning for a form, dropped without a note: `$schema` names the source's
// dialect, `$comment` is a note to schema authors.
const SILENT = new Set(['$schema', '$comment']);

/** The keywords of a normalized schema, taken one by one; whatever is not taken is noted as dropped. */
export class SchemaKeywords {
  readonly #keys: Map<string, Located>;

  constructor(schema: NormalizedSchema) {
    this.#keys = new Map(schema.keys);
  }

  /** The keyword's value and pointer, marking it as handled. */
  take(keyword: string): Located | undefined {
    const entry = this.#keys.get(keyword);
    this.#keys.delete(keyword);
    return entry;
  }

  /** Whether the keyword is present (without taking it). */
  has(keyword: string): boolean {
    return this.#keys.has(keyword);
  }

  /** Notes every keyword not taken as dropped. */
  dropRest(notes: ImportNotes): void {
    for (const [keyword, entry] of this.#keys) {
      if (!SILENT.has(keyword)) noteDroppedKeyword(notes, keyword, entry.at);
    }
    this.#keys.clear();
  }
}

// Why a whole field was not imported.
const DROP_REASONS = {
  notSchema: { 'zh-CN': '它不是 JSON Schema 对象', en: 'it is not a JSON Schema object' },
  alternatives: {
    'zh-CN': '不支持多选一的结构（anyOf/oneOf）',
    en: 'alternative schemas (anyOf/oneOf) are not supported',
  },
  noType: { 'zh-CN': '无法确定它的类型', en: 'its type cannot be determined' },
  emptyObject: { 'zh-CN': '它没有可导入的字段', en: 'it has no fields that can be imported' },
  tuple: {
    'zh-CN': '不支持元组（按位置定义的数组项）',
    en: 'tuples (array items by position) are not supported',
  },
  noItems: { 'zh-CN': '数组没有可导入的项定义', en: 'the array has no item schema that can be imported' },
  listOf: {
    'zh-CN': '不支持 {} 的列表（只支持文本选项列表和表格）',
    en: 'lists of {} are not supported (only lists of text options and tables are)',
  },
  nestedTable: {
    'zh-CN': '表格行中不能再有表格',
    en: 'a repeating table cannot hold another table',
  },
} as const;

/** Why a field was dropped: a key of the reasons above. */
export type DropReason = keyof typeof DROP_REASONS;

/** Notes a property that was not imported at all; `{}` in the reason is replaced by `detail`. Returns undefined. */
export function noteDroppedField(
  notes: ImportNotes,
  at: string,
  sourceKey: string,
  reason: DropReason,
  detail = '',
): undefined {
  const why = DROP_REASONS[reason];
  notes.schema(at, 'dropped', `field.${reason}`, {
    'zh-CN': `未导入字段 ${sourceKey}：${why['zh-CN'].replace('{}', detail)}`,
    en: `the field ${sourceKey} was not imported: ${why.en.replace('{}', detail)}`,
  });
  return undefined;
}
