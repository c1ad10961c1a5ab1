import type { Locale } from '@formboard/formula';

/** What the summary sentence names: the forms' and fields' names, and the measure (its name unless a count). */
export interface SummaryParts {
  readonly child: string;
  readonly via: string;
  readonly count: boolean;
  readonly measure: string;
  readonly field: string | undefined;
  readonly weight: string | undefined;
}

/** What a roll-up of another form reads from a field, as the "Used by roll-ups" list says it. */
export type ReadRole = 'via' | 'field' | 'weight' | 'where';

/** The strings of the roll-up panel ("汇总自子表单") and of "被汇总使用", in zh-CN and en. */
export interface RollupMessages {
  readonly title: string;
  readonly hint: string;
  readonly noSources: string;
  readonly childForm: string;
  readonly noRollup: string;
  readonly via: string;
  readonly measure: string;
  readonly field: string;
  readonly weight: string;
  readonly where: string;
  readonly whereHint: string;
  readonly remove: string;
  readonly unknownForm: (id: string) => string;
  /** What the roll-up computes, in a sentence: "本字段 = …". */
  readonly summary: (parts: SummaryParts) => string;
  /** "被汇总使用": the roll-ups of other forms that read the selected field. */
  readonly usedBy: string;
  readonly usedByHint: string;
  /** One of them: the other form, the field its roll-up fills, the measure, and how it reads this field. */
  readonly usedByItem: (form: string, field: string, measure: string, role: ReadRole) => string;
}

const zh: RollupMessages = {
  title: '汇总自子表单',
  hint: '由指向本记录的其他表单记录自动算出，例如目标的进度 = 其关键结果进度的加权平均。',
  noSources: '还没有表单指向本表单：先在子表单中添加一个“关联记录”字段，让它指向本表单。',
  childForm: '子表单',
  noRollup: '（不汇总）',
  via: '子表单中指向本记录的字段',
  measure: '汇总方式',
  field: '汇总哪个字段',
  weight: '权重字段',
  where: '只汇总符合条件的记录',
  whereHint: '用子表单的字段写条件，例如 status = "atRisk"；留空则汇总全部记录',
  remove: '移除汇总',
  unknownForm: (id) => `找不到表单 ${id}：请换一个子表单，或移除汇总。`,
  summary: ({ child, via, count, measure, field, weight }) =>
    count
      ? `本字段 = “${via}”指向本记录的“${child}”记录${field === undefined ? '' : `中“${field}”有值`}的条数`
      : `本字段 = “${via}”指向本记录的各条“${child}”记录中“${field ?? '…'}”的${measure}${weight === undefined ? '' : `（按“${weight}”加权）`}`,
  usedBy: '被汇总使用',
  usedByHint:
    '其他表单汇总本表单的记录时读取这个字段。改名、删除或移入表格会使汇总失效：设计器会先提醒，且在那边改好之前，本表单的新版本不能发布。',
  usedByItem: (form, field, measure, role) =>
    `“${form}”的“${field}”（${measure}）${{ via: '通过它找到所属记录', field: '汇总它的值', weight: '以它为权重', where: '在条件中读取它' }[role]}`,
};

const en: RollupMessages = {
  title: 'Roll up from related records',
  hint: 'Computed from the records of another form that point at this record, e.g. an objective’s progress = the weighted average of its key results’ progress.',
  noSources:
    'No form points at this one yet: add a “Linked record” field pointing at this form to the child form first.',
  childForm: 'Child form',
  noRollup: '(no roll-up)',
  via: 'Its field that points at this record',
  measure: 'Combine by',
  field: 'Field to combine',
  weight: 'Weight field',
  where: 'Only records where',
  whereHint: 'A condition over the child form’s fields, e.g. status = "atRisk"; empty counts every record',
  remove: 'Remove roll-up',
  unknownForm: (id) => `There is no form ${id}: choose another child form, or remove the roll-up.`,
  summary: ({ child, via, count, measure, field, weight }) =>
    count
      ? `This field = how many “${child}” records have this record as their “${via}”${field === undefined ? '' : ` and a value in “${field}”`}`
      : `This field = the ${measure.toLowerCase()} of “${field ?? '…'}” over the “${child}” records whose “${via}” is this record${weight === undefined ? '' : `, weighted by “${weight}”`}`,
  usedBy: 'Used by roll-ups',
  usedByHint:
    'Other forms read this field when they roll up this form’s records. Renaming it, deleting it or moving it into a table breaks them: the designer warns first, and this form’s new version cannot be published until they are fixed there.',
  usedByItem: (form, field, measure, role) =>
    `“${field}” of “${form}” (${measure.toLowerCase()}) ${{ via: 'finds its records through it', field: 'combines its values', weight: 'weighs by it', where: 'reads it in its condition' }[role]}`,
};

/** The roll-up panel's strings in a locale. */
export function rollupMessages(locale: Locale): RollupMessages {
  return locale === 'en' ? en : zh;
}
