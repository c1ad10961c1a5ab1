import { civilMsAt } from '@formboard/formula';
import type { Dialect } from '../dialect/Dialect.ts';
import { type SqlPart, sql } from './fieldSql.ts';

export type BucketUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** Minutes a time zone is ahead of UTC now ("Asia/Shanghai" → 480). */
function offsetMinutes(timeZone: string): number {
  const now = Date.now();
  return Math.round((civilMsAt(now, timeZone) - now) / 60000);
}

/**
 * The start date ("YYYY-MM-DD") of the bucket a date or date-time falls in, in a time zone. Weeks start
 * on Monday (ISO 8601). PostgreSQL converts with its time zone database; SQLite has none, so date-times
 * are shifted by the zone's current UTC offset — exact for zones without daylight saving, such as China.
 */
export function timeBucketSql(
  dialect: Dialect['name'],
  value: SqlPart,
  unit: BucketUnit,
  timeZone: string,
  hasTime: boolean,
): SqlPart {
  if (dialect === 'postgres') {
    const local = hasTime
      ? `((${value.sql})::timestamptz AT TIME ZONE ?)`
      : `((${value.sql})::date)::timestamp`;
    const params = hasTime ? [...value.params, timeZone] : [...value.params];
    return { sql: `to_char(date_trunc(?, ${local}), 'YYYY-MM-DD')`, params: [unit, ...params] };
  }
  const local = hasTime
    ? sql(`datetime(${value.sql}, ?)`, ...value.params, `${offsetMinutes(timeZone)} minutes`)
    : sql(`date(${value.sql})`, ...value.params);
  switch (unit) {
    case 'day':
      return { sql: `date(${local.sql})`, params: local.params };
    case 'week':
      return { sql: `date(${local.sql}, 'weekday 0', '-6 days')`, params: local.params };
    case 'month':
      return { sql: `date(${local.sql}, 'start of month')`, params: local.params };
    case 'year':
      return { sql: `date(${local.sql}, 'start of year')`, params: local.params };
    case 'quarter':
      return {
        sql: `date(${local.sql}, 'start of month', printf('-%d months', (CAST(strftime('%m', ${local.sql}) AS INTEGER) - 1) % 3))`,
        params: [...local.params, ...local.params],
      };
  }
}
