import type { Scope } from '@formboard/formula';
import type { FormContext } from './types.ts';

/**
 * The scope formulas are evaluated in, for the current values. A row formula (a table column's
 * computed value or rule) also sees its row's cells by their plain names; its scope copies only the
 * record keys the formula reads (`keys`), not every field of the record, for each row.
 */
export function formulaScope(
  values: Readonly<Record<string, unknown>>,
  context: FormContext,
  row?: unknown,
  keys: readonly string[] = [],
): Scope {
  let data: unknown = values;
  if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
    const picked: Record<string, unknown> = {};
    for (const key of keys) if (Object.hasOwn(values, key)) picked[key] = values[key];
    data = { ...picked, ...row };
  }
  return {
    data,
    variables: { user: context.user ?? {}, record: context.record ?? {} },
    timeZone: context.timeZone ?? 'Asia/Shanghai',
    ...(context.now === undefined ? {} : { now: context.now }),
  };
}
