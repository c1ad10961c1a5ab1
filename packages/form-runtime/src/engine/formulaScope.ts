import type { Scope } from '@formboard/formula';
import type { FormContext } from './types.ts';

/**
 * The scope formulas are evaluated in, for the current values. A row formula (a table column's
 * computed value or rule) also sees its row's cells by their plain names.
 */
export function formulaScope(values: unknown, context: FormContext, row?: unknown): Scope {
  const rowCells = row !== null && typeof row === 'object' && !Array.isArray(row) ? row : undefined;
  return {
    data: rowCells ? { ...(values as Record<string, unknown>), ...rowCells } : values,
    variables: { user: context.user ?? {}, record: context.record ?? {} },
    timeZone: context.timeZone ?? 'Asia/Shanghai',
    ...(context.now === undefined ? {} : { now: context.now }),
  };
}
