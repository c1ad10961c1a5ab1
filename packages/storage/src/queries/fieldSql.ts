import type { FieldKind } from '@formboard/schema';
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

/**
 * `column` is one of `ids`, with the ids as one parameter (a JSON array on SQLite, an array on
 * PostgreSQL): one statement text whatever the number of ids, and no limit on it.
 */
export function oneOf(dialect: Dialect['name'], column: string, ids: readonly string[]): SqlPart {
  return dialect === 'postgres'
    ? sql(`${column} = ANY(?::text[])`, ids)
    : sql(`${column} IN (SELECT value FROM json_each(?))`, JSON.stringify(ids));
}

/** How a field is read: from the record's data, or from the current row of one of its tables. */
export interface FieldSource {
  /** The SQL expression holding the JSON document: `records.data`, or the table row `t.value`. */
  readonly document: string;
  /** The path segments inside that document. */
  readonly segments: readonly string[];
}

/** The kinds of field that hold one value a query can read (tables and groups hold other fields). */
export type ValueKind = Extract<FieldKind, 'string' | 'number' | 'boolean' | 'multiSelect'>;

/** Whether a field of this kind holds one value a query can read. */
export function isValueKind(kind: FieldKind): kind is ValueKind {
  return kind !== 'table' && kind !== 'group';
}

// The JSON type a value must have to count as a value of its field's kind (json_type / jsonb_typeof).
const SQLITE_TYPES: Readonly<Record<ValueKind, string>> = {
  string: "= 'text'",
  number: "IN ('integer', 'real')",
  boolean: "IN ('true', 'false')",
  multiSelect: "= 'array'",
};
const POSTGRES_TYPES: Readonly<Record<ValueKind, string>> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  multiSelect: 'array',
};

/**
 * The value of a field as SQL of its kind: numbers as numbers, booleans as 1/0 (SQLite) or booleans
 * (PostgreSQL), text as text, multi-selects as their JSON text. A value whose JSON type does not match
 * the kind — left by an older version of the form that typed the field differently — reads as blank
 * (NULL), the same on both databases. The typed record tables are filled with this very expression.
 */
export function fieldValueSql(dialect: Dialect['name'], source: FieldSource, kind: ValueKind): SqlPart {
  if (dialect === 'postgres') {
    const path = `${source.document} #> ?::text[]`;
    const text = `${source.document} #>> ?::text[]`;
    const typed =
      kind === 'number' ? `(${text})::double precision` : kind === 'boolean' ? `(${text})::boolean` : text;
    return sql(
      `(CASE WHEN jsonb_typeof(${path}) = '${POSTGRES_TYPES[kind]}' THEN ${typed} END)`,
      source.segments,
      source.segments,
    );
  }
  // SQLite JSON paths quote each key so Chinese keys and odd characters are safe: $."目标值"
  const path = `$${source.segments.map((s) => `."${s.replace(/"/g, '\\"')}"`).join('')}`;
  return sql(
    `(CASE WHEN json_type(${source.document}, ?) ${SQLITE_TYPES[kind]} THEN json_extract(${source.document}, ?) END)`,
    path,
    path,
  );
}
