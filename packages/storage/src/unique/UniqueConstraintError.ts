import type { LocalizedMessage } from '@formboard/formula';
import type { UniqueKey } from '@formboard/schema';
import { StoreError } from '../errors.ts';

/** Records, or rows being written, that share the values of one of their form's uniqueness constraints. */
export interface UniqueConflict {
  readonly formId: string;
  /** The constraint's id (`unique[].id` of the form's published version). */
  readonly constraint: string;
  /** Its fields, as JSON pointers into the record: `/year`, `/rank`. */
  readonly fields: readonly string[];
  /** The values they share, in the order of `fields`. */
  readonly values: UniqueKey;
  /** The constraint's own message, when it has one. */
  readonly message?: LocalizedMessage;
  /** The 1-based row of a bulk write (an import) that would break it; absent for one record, or on publishing. */
  readonly row?: number;
  /** The live records holding these values: the one a write collides with, or all of them (publishing). */
  readonly records: readonly string[];
  /** Earlier rows of the same bulk write holding these values. */
  readonly rows?: readonly number[];
}

const list = (values: readonly unknown[], separator: string) => values.map(String).join(separator);

/** One conflict in both languages: the constraint, its fields and values, and who holds them. */
export function describeConflict(conflict: UniqueConflict, publishing = false): LocalizedMessage {
  const { constraint, fields, values, message } = conflict;
  const zhWhat = `唯一约束 ${constraint}（${list(fields, '、')} = ${list(values, '、')}）${message ? `：${message['zh-CN']}` : ''}`;
  const enWhat = `the uniqueness constraint ${constraint} (${list(fields, ', ')} = ${list(values, ', ')})${message ? `: ${message.en}` : ''}`;
  if (publishing)
    return {
      'zh-CN': `现有记录违反${zhWhat}：记录 ${list(conflict.records, '、')} 的值相同`,
      en: `existing records break ${enWhat}: records ${list(conflict.records, ', ')} share these values`,
    };
  const zhRow = conflict.row === undefined ? '' : `第 ${conflict.row} 行`;
  const enRow = conflict.row === undefined ? '' : `row ${conflict.row} `;
  const [other] = conflict.records;
  const otherRow = conflict.rows?.[0];
  return {
    'zh-CN': `${zhRow}违反${zhWhat}。${other === undefined ? `第 ${otherRow} 行` : `记录 ${other} `}已有相同的值`,
    en: `${enRow}breaks ${enWhat}. ${other === undefined ? `Row ${otherRow}` : `Record ${other}`} already has these values`,
  };
}

/**
 * A write or a publication that would leave two live records of a form with the same values for one
 * of its uniqueness constraints (`unique`): nothing was written. `conflicts` names each constraint,
 * its fields and values, and the record (or earlier row of the same import) holding them — on
 * publishing, every group of existing records that share values (up to 100 groups).
 */
export class UniqueConstraintError extends StoreError {
  readonly conflicts: readonly UniqueConflict[];
  constructor(conflicts: readonly UniqueConflict[], publishing = false) {
    const first = conflicts[0];
    const more = conflicts.length - 1;
    const text = first ? describeConflict(first, publishing) : { 'zh-CN': '', en: '' };
    super('conflict', {
      'zh-CN': `${first ? `表单 ${first.formId}：` : ''}${text['zh-CN']}${more > 0 ? `（另有 ${more} 处）` : ''}`,
      en: `${first ? `form ${first.formId}: ` : ''}${text.en}${more > 0 ? ` (and ${more} more)` : ''}`,
    });
    this.name = 'UniqueConstraintError';
    this.conflicts = conflicts;
  }
}
