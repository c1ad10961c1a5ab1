import type { Dialect } from '../dialect/Dialect.ts';

/** A piece of SQL with its parameters, composed without ever putting values into the text. */
export interface SqlPart {
  readonly sql: string;
  readonly params: readonly unknown[];
}

export const sql = (text: string, ...params: unknown[]): SqlPart => ({ sql: text, params });

/** Joins parts with a separator. */
export function join(parts: readonly SqlPart[], separator: string): SqlPart {
  return { sql: parts.map((p) => p.sql).join(separator), params: parts.flatMap((p) => p.params) };
}

/** How a field is read: from the record's data, or from the current row of one of its tables. */
export interface FieldSource {
  /** The SQL expression holding the JSON document: `records.data`, or the table row `t.value`. */
  readonly document: string;
  /** The path segments inside that document. */
  readonly segments: readonly string[];
}

/** The text value of a JSON field (NULL when absent). */
export function textOf(dialect: Dialect['name'], source: FieldSource): SqlPart {
  if (dialect === 'postgres') return sql(`(${source.document} #>> ?::text[])`, source.segments);
  // SQLite JSON paths quote each key so Chinese keys and odd characters are safe: $."目标值"
  return sql(
    `json_extract(${source.document}, ?)`,
    `$${source.segments.map((s) => `."${s.replace(/"/g, '\\"')}"`).join('')}`,
  );
}

/** The numeric value of a JSON field. */
export function numberOf(dialect: Dialect['name'], source: FieldSource): SqlPart {
  const text = textOf(dialect, source);
  return dialect === 'postgres' ? { sql: `(${text.sql})::double precision`, params: text.params } : text;
}

/** The value of a field as SQL of its kind: numbers and booleans typed, everything else as text. */
export function fieldValueSql(dialect: Dialect['name'], source: FieldSource, kind: string): SqlPart {
  if (kind === 'number') return numberOf(dialect, source);
  const text = textOf(dialect, source);
  // SQLite's json_extract gives 1/0 for JSON booleans already; PostgreSQL's #>> gives 'true'/'false'.
  return kind === 'boolean' && dialect === 'postgres'
    ? { sql: `(${text.sql})::boolean`, params: text.params }
    : text;
}
