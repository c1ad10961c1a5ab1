import type { FieldInfo } from '@formboard/schema';

const DAY_MS = 86_400_000;

/**
 * How many days to move a pack's sample data so the day it describes (`asOf`) becomes this week:
 * whole weeks, so weekly values stay on their weekday (Mondays stay Mondays). 0 without `asOf`.
 */
export function sampleShiftDays(asOf: string | undefined, today: Date): number {
  if (asOf === undefined) return 0;
  const weeks = Math.floor((today.getTime() - Date.parse(`${asOf}T00:00:00Z`)) / (7 * DAY_MS));
  return weeks * 7;
}

function shiftDate(value: unknown, days: number, format: string): unknown {
  if (typeof value !== 'string' || value === '') return value;
  const at = format === 'date' ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  if (Number.isNaN(at)) return value;
  const moved = new Date(at + days * DAY_MS).toISOString();
  return format === 'date' ? moved.slice(0, 10) : moved;
}

/**
 * Moves every date and date-time value of a row (top-level fields and repeating-table columns) by
 * `days`, in place. Other values are left as they are.
 */
export function shiftRowDates(
  data: Record<string, unknown>,
  fields: readonly FieldInfo[],
  days: number,
): void {
  if (days === 0) return;
  for (const field of fields) {
    if (field.format !== 'date' && field.format !== 'date-time') continue;
    if (!field.inTable) {
      if (field.path in data) data[field.path] = shiftDate(data[field.path], days, field.format);
      continue;
    }
    const [table, column] = field.path.split('[].') as [string, string];
    for (const cells of (data[table] as Record<string, unknown>[] | undefined) ?? [])
      if (column in cells) cells[column] = shiftDate(cells[column], days, field.format);
  }
}
