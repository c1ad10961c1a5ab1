import type { SqlPart } from './fieldSql.ts';
import { join, sql } from './fieldSql.ts';

/** An aggregate of the query: `value` is the field it reads (none for `count` of rows). */
export type AggregateMeasure =
  | { readonly alias: string; readonly op: 'count'; readonly value?: SqlPart }
  | {
      readonly alias: string;
      readonly op: 'sum' | 'avg' | 'min' | 'max' | 'distinct';
      readonly value: SqlPart;
    };

/** The parts of an aggregation, each already compiled for one dialect. */
export interface AggregateParts {
  readonly from: SqlPart;
  readonly where: readonly SqlPart[];
  /** Group values, aliased g0, g1, … */
  readonly groups: readonly SqlPart[];
  /** The time bucket: the field's value, and the bucket start computed from a value (aliased b0). */
  readonly bucket?: { readonly value: SqlPart; readonly of: (value: SqlPart) => SqlPart };
  readonly measures: readonly AggregateMeasure[];
  /** ORDER BY terms over the aliases. */
  readonly order: readonly string[];
  readonly limit?: number;
}

const positions = (count: number) => Array.from({ length: count }, (_, i) => i + 1).join(', ');

function clauses(parts: AggregateParts, keyCount: number): SqlPart[] {
  return [
    parts.from,
    ...(parts.where.length > 0 ? [join([sql('WHERE'), join(parts.where, ' AND ')], ' ')] : []),
    // By position: PostgreSQL would not match a repeated expression whose parameters are numbered anew.
    ...(keyCount > 0 ? [sql(`GROUP BY ${positions(keyCount)}`)] : []),
  ];
}

function tail(parts: AggregateParts): SqlPart[] {
  return [
    ...(parts.order.length > 0 ? [sql(`ORDER BY ${parts.order.join(', ')}`)] : []),
    ...(parts.limit ? [sql('LIMIT ?', parts.limit)] : []),
  ];
}

const call = (fn: string, value: SqlPart | undefined): SqlPart =>
  value ? { sql: `${fn}(${value.sql})`, params: value.params } : sql(`${fn}(*)`);

const FUNCTIONS = { count: 'COUNT', sum: 'SUM', avg: 'AVG', min: 'MIN', max: 'MAX' } as const;

/** One pass: each aggregate straight over the rows. */
function onePass(parts: AggregateParts): SqlPart {
  const selects = [
    ...parts.groups.map((g, i) => join([g, sql(`AS g${i}`)], ' ')),
    ...parts.measures.map((m) =>
      join(
        [
          m.op === 'distinct'
            ? { sql: `COUNT(DISTINCT ${m.value.sql})`, params: m.value.params }
            : call(FUNCTIONS[m.op], m.value),
          sql(`AS ${m.alias}`),
        ],
        ' ',
      ),
    ),
  ];
  const statement = [join([sql('SELECT'), join(selects, ', ')], ' '), ...clauses(parts, parts.groups.length)];
  return join([...statement, ...tail(parts)], ' ');
}

/**
 * Two passes for time buckets: the inner query groups by the groups and the bucket field's raw value
 * (a day, for date fields) — a grouping a board index on those columns delivers in order, with no
 * sort — and keeps partial aggregates; the outer query turns days into buckets and combines the
 * partials (sums of sums and counts, min of mins; an average is a sum over a count; a distinct count
 * keeps its field in the inner key). Only a few rows per group and day reach the outer query.
 */
function twoPass(parts: AggregateParts, bucket: NonNullable<AggregateParts['bucket']>): SqlPart {
  const distinct: SqlPart[] = [];
  const distinctAlias = (value: SqlPart): string => {
    const key = JSON.stringify(value);
    const at = distinct.findIndex((d) => JSON.stringify(d) === key);
    if (at >= 0) return `d${at}`;
    distinct.push(value);
    return `d${distinct.length - 1}`;
  };
  const partials: SqlPart[] = [];
  const partial = (fn: string, value: SqlPart | undefined): string => {
    partials.push(join([call(fn, value), sql(`AS p${partials.length}`)], ' '));
    return `i.p${partials.length - 1}`;
  };
  const outer = parts.measures.map((m): string => {
    if (m.op === 'distinct') return `COUNT(DISTINCT i.${distinctAlias(m.value)})`;
    if (m.op === 'avg')
      return `1.0 * SUM(${partial('SUM', m.value)}) / NULLIF(SUM(${partial('COUNT', m.value)}), 0)`;
    // Counts and sums add up across days; a minimum is the minimum of the days' minimums.
    const combine = m.op === 'min' || m.op === 'max' ? FUNCTIONS[m.op] : 'SUM';
    return `${combine}(${partial(FUNCTIONS[m.op], m.value)})`;
  });
  const keys = [
    ...parts.groups.map((g, i) => join([g, sql(`AS g${i}`)], ' ')),
    join([bucket.value, sql('AS b0')], ' '),
    ...distinct.map((d, i) => join([d, sql(`AS d${i}`)], ' ')),
  ];
  const inner = join(
    [join([sql('SELECT'), join([...keys, ...partials], ', ')], ' '), ...clauses(parts, keys.length)],
    ' ',
  );
  const selects = [
    ...parts.groups.map((_, i) => sql(`i.g${i} AS g${i}`)),
    join([bucket.of(sql('i.b0')), sql('AS b0')], ' '),
    ...parts.measures.map((m, i) => sql(`${outer[i]} AS ${m.alias}`)),
  ];
  return join(
    [
      join([sql('SELECT'), join(selects, ', ')], ' '),
      join([sql('FROM ('), inner, sql(') AS i')], ' '),
      sql(`GROUP BY ${positions(parts.groups.length + 1)}`),
      ...tail(parts),
    ],
    ' ',
  );
}

/** The SQL of an aggregation: one pass without a time bucket, two passes with one. */
export function aggregateSql(parts: AggregateParts): SqlPart {
  return parts.bucket ? twoPass(parts, parts.bucket) : onePass(parts);
}
