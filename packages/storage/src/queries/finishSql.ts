import type { Dialect } from '../dialect/Dialect.ts';
import { type SqlPart, sql, type ValueKind } from './fieldSql.ts';

/** What finishing partial rows needs to know about them (see `partialSql`). */
export interface FinishSpec {
  /** The kinds of the group keys g0, g1, … (the bucket b0, when there is one, is text). */
  readonly groupKinds: readonly ValueKind[];
  readonly bucket: boolean;
  readonly partialCount: number;
  /** Per measure: its alias, its value as SQL given how partial number n is named, and in JavaScript. */
  readonly measures: readonly {
    readonly alias: string;
    readonly final: (name: (n: number) => string) => string;
    readonly value: (partials: readonly unknown[]) => unknown;
  }[];
  readonly order: readonly string[];
  readonly limit?: number;
}

const POSTGRES_CASTS: Readonly<Record<ValueKind, string>> = {
  number: '::double precision',
  boolean: '::boolean',
  string: '',
  multiSelect: '',
};

/**
 * The final rows from partial rows already in the order asked for, with no limit: each measure computed
 * in JavaScript, the same arithmetic as {@link finishSql}, and no second sort.
 */
export function finishInOrder(spec: FinishSpec, keys: readonly string[], rows: Iterable<readonly unknown[]>) {
  const answer: Record<string, unknown>[] = [];
  for (const row of rows) {
    const out: Record<string, unknown> = {};
    keys.forEach((key, i) => {
      out[key] = row[i] ?? null;
    });
    const partials = row.slice(keys.length);
    for (const m of spec.measures) out[m.alias] = m.value(partials);
    answer.push(out);
  }
  return answer;
}

/** Whether answers in partial-row order (keys ascending) are in the order `spec` asks for. */
export function inKeyOrder(spec: FinishSpec, keys: readonly string[]): boolean {
  return spec.limit === undefined && spec.order.every((term, i) => term === `${keys[i]} ASC`);
}

/**
 * The final rows from partial rows passed as one JSON parameter (an array of `[keys…, partials…]`):
 * each measure computed from its partials, then sorted and limited — by the database, so text sorts
 * by its collation and blanks where they would in the one-statement query.
 */
export function finishSql(dialect: Dialect['name'], spec: FinishSpec, rows: readonly unknown[][]): SqlPart {
  const at = (k: number, kind: ValueKind) =>
    dialect === 'postgres' ? `(j.value->>${k})${POSTGRES_CASTS[kind]}` : `json_extract(j.value, '$[${k}]')`;
  const columns = [
    ...spec.groupKinds.map((kind, i) => `${at(i, kind)} AS g${i}`),
    ...(spec.bucket ? [`${at(spec.groupKinds.length, 'string')} AS b0`] : []),
  ];
  const keyCount = columns.length;
  for (let p = 0; p < spec.partialCount; p += 1) columns.push(`${at(keyCount + p, 'number')} AS p${p}`);
  const source = dialect === 'postgres' ? 'jsonb_array_elements(?::jsonb) AS j(value)' : 'json_each(?) AS j';
  const keys = [...spec.groupKinds.map((_, i) => `i.g${i} AS g${i}`), ...(spec.bucket ? ['i.b0 AS b0'] : [])];
  const finals = spec.measures.map((m) => `${m.final((n) => `i.p${n}`)} AS ${m.alias}`);
  const text = [
    `SELECT ${[...keys, ...finals].join(', ')} FROM (SELECT ${columns.join(', ')} FROM ${source}) AS i`,
    ...(spec.order.length > 0 ? [`ORDER BY ${spec.order.join(', ')}`] : []),
    ...(spec.limit ? ['LIMIT ?'] : []),
  ].join(' ');
  return sql(text, JSON.stringify(rows), ...(spec.limit ? [spec.limit] : []));
}
