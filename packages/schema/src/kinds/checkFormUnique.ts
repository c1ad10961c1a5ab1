import { suggest } from '@formboard/formula';
import type { FieldIndex } from '../fields/fieldIndex.ts';
import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { Report } from '../validate/issues.ts';

/**
 * The meaning checks of a form's `unique` constraints: ids are unique; every field exists and holds
 * one value outside repeating tables (text, number, date, choice, yes/no, a person or a record — not a
 * multi-select, a group or a table), since the database compares them column by column; and no two
 * constraints name the same set of fields (the second would say nothing new).
 */
export function checkFormUnique(form: FormDefinition, index: FieldIndex, report: Report): void {
  const ids = new Set<string>();
  const fieldSets = new Map<string, string>();
  (form.unique ?? []).forEach((constraint, i) => {
    const at = `/unique/${i}`;
    if (ids.has(constraint.id))
      report(
        `${at}/id`,
        'unique.duplicateId',
        {
          'zh-CN': `唯一约束 id ${constraint.id} 重复`,
          en: `the uniqueness constraint id ${constraint.id} is used twice`,
        },
        constraint.id,
      );
    ids.add(constraint.id);
    for (const [j, path] of constraint.fields.entries()) checkField(path, index, `${at}/fields/${j}`, report);
    const key = JSON.stringify([...constraint.fields].sort());
    const same = fieldSets.get(key);
    if (same !== undefined)
      report(
        `${at}/fields`,
        'unique.sameFields',
        {
          'zh-CN': `唯一约束 ${constraint.id} 与 ${same} 的字段相同`,
          en: `the uniqueness constraint ${constraint.id} names the same fields as ${same}`,
        },
        constraint.fields,
      );
    else fieldSets.set(key, constraint.id);
  });
}

function checkField(path: string, index: FieldIndex, at: string, report: Report): void {
  const field = index.fields.get(path);
  if (!field) {
    const guess = suggest(path, index.fields.keys());
    report(
      at,
      'unique.unknownField',
      {
        'zh-CN': `没有字段 ${path}${guess ? `，是否想用 ${guess}？` : ''}`,
        en: `there is no field ${path}${guess ? ` — did you mean ${guess}?` : ''}`,
      },
      path,
    );
    return;
  }
  if (field.inTable || (field.kind !== 'string' && field.kind !== 'number' && field.kind !== 'boolean'))
    report(
      at,
      'unique.notScalar',
      {
        'zh-CN': `唯一约束只能用表格以外、只有一个值的字段（文本、数字、日期、选项、是否、人员、关联记录），${path} 不是`,
        en: `a uniqueness constraint compares fields outside tables that hold one value (text, number, date, choice, yes/no, person, record); ${path} is not one`,
      },
      path,
    );
}
