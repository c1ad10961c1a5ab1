import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import { fittingRows } from '../layout/postgresBoardIndexes.ts';
import { fieldValueSql, type SqlPart, sql, type ValueKind } from './fieldSql.ts';

/** Where a query's rows come from, and how it reads a field and the record's own columns there. */
export interface RowSource {
  readonly from: SqlPart;
  /** Conditions every row meets whatever the query (its form, not deleted). */
  readonly where: readonly SqlPart[];
  readonly ownerColumn: string;
  readonly orgUnitColumn: string;
  /** The typed value of a field, as SQL. */
  value(path: string, kind: ValueKind): SqlPart;
}

/**
 * Which of a form's typed rows to read, on PostgreSQL: those that fit its board indexes (read from
 * them, index-only) or the others, too wide for a B-tree entry (see `fittingRows`).
 */
export type TypedPart = 'fitting' | 'long';

/**
 * Live records of a form from its typed record table — plain columns, no JSON to read per row — when
 * the table has a column for every field in `paths`; otherwise undefined. On PostgreSQL, `part`
 * reads the rows that fit the board indexes or the others, each stated in the words of its partial
 * index; without it, both (`UNION ALL`), so that one statement still reads every row.
 */
export function typedRows(
  dialect: Dialect['name'],
  layout: FormLayout,
  paths: readonly string[],
  part?: TypedPart,
): RowSource | undefined {
  const columns = new Map(layout.columns.map((c) => [c.path, c.column]));
  if (!paths.every((path) => columns.has(path))) return undefined;
  const table = layout.table;
  const rows = (prefix: string) => fittingRows(layout, prefix);
  return {
    from: sql(
      dialect === 'postgres' && !part
        ? `FROM (SELECT * FROM ${table} WHERE ${rows('').fits} UNION ALL SELECT * FROM ${table} WHERE ${rows('').long}) AS r`
        : `FROM ${table} AS r`,
    ),
    where: dialect === 'postgres' && part ? [sql(rows('r.')[part === 'fitting' ? 'fits' : 'long'])] : [],
    ownerColumn: 'r.owner_id',
    orgUnitColumn: 'r.org_unit_id',
    value: (path) => {
      const column = columns.get(path);
      if (column === undefined) throw new Error(`${path} is not one of the paths checked`);
      return sql(`r.${column}`);
    },
  };
}

/**
 * Records of a form read from their JSON data — or, when a query reads the columns of a repeating
 * table (`kpis[].weight`), one row per row of that table, with the record's fields beside it.
 */
export function jsonRows(dialect: Dialect['name'], formId: string, table: string | undefined): RowSource {
  const from =
    table === undefined
      ? sql('FROM records')
      : dialect === 'postgres'
        ? sql(
            `FROM records CROSS JOIN LATERAL jsonb_array_elements(COALESCE(records.data #> ?::text[], '[]'::jsonb)) AS t(value)`,
            table.split('.'),
          )
        : sql(
            'FROM records, json_each(records.data, ?) AS t',
            `$${table
              .split('.')
              .map((s) => `."${s}"`)
              .join('')}`,
          );
  const prefix = `${table}[].`;
  return {
    from,
    where: [sql('records.form_id = ?', formId), sql('records.deleted_at IS NULL')],
    ownerColumn: 'records.owner_id',
    orgUnitColumn: 'records.org_unit_id',
    value: (path, kind) =>
      fieldValueSql(
        dialect,
        table !== undefined && path.startsWith(prefix)
          ? { document: 't.value', segments: path.slice(prefix.length).split('.') }
          : { document: 'records.data', segments: path.split('.') },
        kind,
      ),
  };
}
