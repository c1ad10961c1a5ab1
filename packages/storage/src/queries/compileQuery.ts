import { type DashboardQuery, DEFAULT_TIME_ZONE, type FieldIndex, tableOf } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { type FieldSource, fieldValueSql, join, numberOf, type SqlPart, sql, textOf } from './fieldSql.ts';
import { formulaToSql } from './formulaToSql.ts';
import { type BucketUnit, timeBucketSql } from './timeBucketSql.ts';

/** Dashboard-level filters applied to a widget's query. */
export interface QueryFilters {
  /** Records whose `field` falls in [from, to) (ISO dates). */
  readonly dateRange?: { readonly field: string; readonly from?: string; readonly to?: string };
  readonly ownerIds?: readonly string[];
  readonly orgUnitIds?: readonly string[];
}

/** The compiled SQL, and how its columns map back to names. */
export interface CompiledQuery {
  readonly sql: string;
  readonly params: readonly unknown[];
  /** Result column alias → the group field, bucket field or measure id it holds. */
  readonly columns: readonly { readonly alias: string; readonly name: string; readonly numeric: boolean }[];
}

const ROW = 't.value';

function problem(zh: string, en: string): StoreError {
  return new StoreError('invalid', { 'zh-CN': zh, en });
}

/**
 * Compiles a dashboard query to one parameterised SQL statement for a dialect: records of the source
 * form (or rows of one of its tables) → filter → group by fields and a time bucket → aggregates →
 * sort → limit. Computed measures are evaluated afterwards over the result rows.
 */
export function compileQuery(
  dialect: Dialect['name'],
  query: DashboardQuery,
  index: FieldIndex,
  filters: QueryFilters = {},
): CompiledQuery {
  const paths = [
    ...(query.groupBy ?? []),
    ...(query.timeBucket ? [query.timeBucket.field] : []),
    ...query.measures.flatMap((m) => ('field' in m && m.field ? [m.field] : [])),
    ...(filters.dateRange ? [filters.dateRange.field] : []),
  ];
  const tables = [...new Set(paths.map(tableOf).filter((t): t is string => t !== undefined))];
  if (tables.length > 1)
    throw problem('一个查询只能读取一个表格的列', 'one query can read the columns of one table only');
  const table = tables[0];

  const source = (path: string): FieldSource => {
    const info = index.fields.get(path);
    if (!info) throw problem(`表单中没有字段 ${path}`, `the form has no field ${path}`);
    if (table !== undefined && path.startsWith(`${table}[].`))
      return { document: ROW, segments: path.slice(table.length + 3).split('.') };
    return { document: 'records.data', segments: path.split('.') };
  };
  const isNumber = (path: string) => index.fields.get(path)?.kind === 'number';
  const value = (path: string): SqlPart =>
    fieldValueSql(dialect, source(path), index.fields.get(path)?.kind ?? 'string');

  const from =
    table === undefined
      ? sql('FROM records')
      : dialect === 'postgres'
        ? sql(
            `FROM records CROSS JOIN LATERAL jsonb_array_elements(COALESCE(records.data #> ?::text[], '[]'::jsonb)) AS t(value)`,
            table.split('.'),
          )
        : sql(
            `FROM records, json_each(records.data, ?) AS t`,
            `$${table
              .split('.')
              .map((s) => `."${s}"`)
              .join('')}`,
          );

  const where: SqlPart[] = [sql('records.form_id = ?', query.source), sql('records.deleted_at IS NULL')];
  if (filters.ownerIds)
    where.push(
      sql(
        `records.owner_id IN (${filters.ownerIds.map(() => '?').join(', ') || 'NULL'})`,
        ...filters.ownerIds,
      ),
    );
  if (filters.orgUnitIds)
    where.push(
      sql(
        `records.org_unit_id IN (${filters.orgUnitIds.map(() => '?').join(', ') || 'NULL'})`,
        ...filters.orgUnitIds,
      ),
    );
  if (filters.dateRange?.from)
    where.push({
      sql: `${value(filters.dateRange.field).sql} >= ?`,
      params: [...value(filters.dateRange.field).params, filters.dateRange.from],
    });
  if (filters.dateRange?.to)
    where.push({
      sql: `${value(filters.dateRange.field).sql} < ?`,
      params: [...value(filters.dateRange.field).params, filters.dateRange.to],
    });
  if (query.filter) {
    where.push(
      formulaToSql(query.filter, dialect, (path) =>
        index.fields.has(path) ? { expression: value(path), numeric: isNumber(path) } : undefined,
      ),
    );
  }

  const columns: { alias: string; name: string; numeric: boolean }[] = [];
  const selects: SqlPart[] = [];
  let groupCount = 0;
  (query.groupBy ?? []).forEach((path, i) => {
    const expression = value(path);
    selects.push({ sql: `${expression.sql} AS g${i}`, params: expression.params });
    groupCount += 1;
    columns.push({ alias: `g${i}`, name: path, numeric: isNumber(path) });
  });
  if (query.timeBucket) {
    const { field, unit, timeZone } = query.timeBucket;
    const hasTime = index.fields.get(field)?.format === 'date-time';
    const bucket = timeBucketSql(
      dialect,
      textOf(dialect, source(field)),
      unit as BucketUnit,
      timeZone ?? DEFAULT_TIME_ZONE,
      hasTime,
    );
    selects.push({ sql: `${bucket.sql} AS b0`, params: bucket.params });
    groupCount += 1;
    columns.push({ alias: 'b0', name: field, numeric: false });
  }
  query.measures.forEach((measure, i) => {
    if (!('op' in measure)) return;
    const alias = `m${i}`;
    const field = measure.field;
    const aggregate =
      measure.op === 'count'
        ? field
          ? { sql: `COUNT(${value(field).sql})`, params: value(field).params }
          : sql('COUNT(*)')
        : measure.op === 'distinct'
          ? { sql: `COUNT(DISTINCT ${value(field ?? '').sql})`, params: value(field ?? '').params }
          : {
              sql: `${measure.op.toUpperCase()}(${numberOf(dialect, source(field ?? '')).sql})`,
              params: numberOf(dialect, source(field ?? '')).params,
            };
    selects.push({ sql: `${aggregate.sql} AS ${alias}`, params: aggregate.params });
    columns.push({ alias, name: measure.id, numeric: true });
  });

  const order = (query.sort ?? []).flatMap((key) => {
    const column = columns.find((c) => c.name === key.by);
    return column ? [`${column.alias} ${key.direction === 'desc' ? 'DESC' : 'ASC'}`] : [];
  });
  if (order.length === 0)
    order.push(
      ...columns.filter((c) => c.alias.startsWith('g') || c.alias === 'b0').map((c) => `${c.alias} ASC`),
    );

  const statement = join(
    [
      { sql: `SELECT ${join(selects, ', ').sql}`, params: join(selects, ', ').params },
      from,
      { sql: `WHERE ${join(where, ' AND ').sql}`, params: join(where, ' AND ').params },
      // By position: PostgreSQL would not match a repeated expression whose parameters are numbered anew.
      ...(groupCount > 0
        ? [sql(`GROUP BY ${Array.from({ length: groupCount }, (_, i) => i + 1).join(', ')}`)]
        : []),
      ...(order.length > 0 ? [sql(`ORDER BY ${order.join(', ')}`)] : []),
      ...(query.limit ? [sql('LIMIT ?', query.limit)] : []),
    ],
    ' ',
  );
  return { sql: statement.sql, params: statement.params, columns };
}
