import type { DashboardQuery, FieldIndex } from '@formboard/schema';
import { hasFewValues } from './compileQuery.ts';
import { formulaReads } from './formulaReads.ts';

/**
 * Key fields a family's carrier may group by (besides, on SQLite, the date its board index is led
 * by). Their values multiply: three few-valued fields (a status, an org unit, the day of a 90-day
 * range) keep the carrier well below the rows it reads.
 */
export const MAX_KEYS = 3;

const unique = (values: readonly string[]) => [...new Set(values)];

/** Whether a carrier can group by a field: few values (choices, yes/no, org units), or a date (by day). */
export function isKeyable(index: FieldIndex, path: string): boolean {
  return hasFewValues(index, path) || index.fields.get(path)?.format === 'date';
}

/**
 * The fields telling a query's rows apart — its groups, its time bucket's field, the fields its
 * filter reads — when a family's carrier can hold them and roll the query up from it: fields of few
 * values and dates by day, with measures whose partials combine (no distinct counts, no minimum or
 * maximum of text); otherwise undefined.
 */
export function familyKeys(query: DashboardQuery, index: FieldIndex): string[] | undefined {
  const told = [...(query.groupBy ?? []), ...formulaReads(query.filter)];
  const bucket = query.timeBucket?.field;
  const byDay = bucket === undefined || index.fields.get(bucket)?.format === 'date';
  if (!told.every((path) => hasFewValues(index, path)) || !byDay) return undefined;
  const combines = query.measures.every((m) => {
    if (!('op' in m) || m.op === 'count' || m.op === 'sum' || m.op === 'avg') return true;
    return m.op !== 'distinct' && index.fields.get(m.field ?? '')?.kind === 'number';
  });
  return combines ? unique([...told, ...(bucket ? [bucket] : [])]) : undefined;
}

/**
 * Items over the same rows gathered greedily, in order, into groups whose key fields together stay
 * within {@link MAX_KEYS}: each item joins the first group of its rows it fits in, or opens one.
 */
export function gatherByKeys<T>(
  items: readonly T[],
  rowsOf: (item: T) => string,
  keysOf: (item: T) => readonly string[],
): { keys: string[]; members: T[] }[] {
  const forming = new Map<string, { keys: string[]; members: T[] }[]>();
  for (const item of items) {
    const keys = keysOf(item);
    const open = forming.get(rowsOf(item)) ?? [];
    const fits = open.find((f) => unique([...f.keys, ...keys]).length <= MAX_KEYS);
    if (fits) {
      fits.keys = unique([...fits.keys, ...keys]);
      fits.members.push(item);
    } else open.push({ keys: [...keys], members: [item] });
    forming.set(rowsOf(item), open);
  }
  return [...forming.values()].flat();
}
