import type { SqlPart } from './fieldSql.ts';
import { join, sql } from './fieldSql.ts';

/** An aggregate of the query: `value` is the field it reads (none for `count` of rows). */
export type AggregateMeasure =
  | { readonly alias: string; readonly op: 'count'; readonly value?: SqlPart }
  | {
      readonly alias: string;
      readonly op: 'sum' | 'avg' | 'min' | 'max' | 'distinct';
      readonly value: SqlPart;
      /** A minimum or maximum of text (dates, names) rather than of numbers. */
      readonly text?: boolean;
    };

/** The parts of an aggregation, each already compiled for one dialect. */
export interface AggregateParts {
  /** A `WITH …` clause the statement starts with (the rows of some records only). */
  readonly with?: SqlPart;
  readonly from: SqlPart;
  readonly where: readonly SqlPart[];
  /** Group values, aliased g0, g1, … */
  readonly groups: readonly SqlPart[];
  /** The time bucket: the field's value, and the bucket start computed from a value (aliased b0). */
  readonly bucket?: { readonly value: SqlPart; readonly of: (value: SqlPart) => SqlPart };
  /** A value to group by first, inside (the dashboard date range's field, so an index led by it is read in order). */
  readonly day?: SqlPart;
  readonly measures: readonly AggregateMeasure[];
  /** ORDER BY terms over the aliases. */
  readonly order: readonly string[];
  readonly limit?: number;
}

/** A partial aggregate: computed over rows, then combined across partials with `combine`. */
interface Partial {
  readonly fn: 'COUNT' | 'SUM' | 'MIN' | 'MAX';
  readonly value: SqlPart | undefined;
}

/** How a partial column is combined with another of the same group: added, or the smaller/larger kept. */
export type Combine = 'sum' | 'min' | 'max';

const COMBINE = { COUNT: 'SUM', SUM: 'SUM', MIN: 'MIN', MAX: 'MAX' } as const;
const FUNCTIONS = { count: 'COUNT', sum: 'SUM', avg: 'AVG', min: 'MIN', max: 'MAX' } as const;

/**
 * The partials a measure needs and its value from them: counts and sums add up, a minimum is the
 * minimum of minimums, an average is a sum over a count. Distinct counts have none (their field joins
 * the inner key instead).
 */
function partialsOf(m: AggregateMeasure): {
  partials: Partial[];
  final: (p: readonly string[]) => string;
  /**
   * The same as `final`, in JavaScript (IEEE division either way): given where its partials are in a
   * row, the function of a row that computes it (made once: answers finish thousands of rows).
   */
  compute: (at: readonly number[]) => (row: readonly unknown[]) => unknown;
} {
  if (m.op === 'avg')
    return {
      partials: [
        { fn: 'SUM', value: m.value },
        { fn: 'COUNT', value: m.value },
      ],
      final: ([sum, count]) => `1.0 * ${sum} / NULLIF(${count}, 0)`,
      compute:
        ([s = -1, c = -1]) =>
        (row) => {
          const sum = row[s];
          return sum === null || sum === undefined || !Number(row[c]) ? null : Number(sum) / Number(row[c]);
        },
    };
  if (m.op === 'distinct') return { partials: [], final: () => 'NULL', compute: () => () => null };
  return {
    partials: [{ fn: FUNCTIONS[m.op], value: m.value }],
    final: ([p]) => p ?? 'NULL',
    compute:
      ([p = -1]) =>
      (row) =>
        row[p] ?? null,
  };
}

const positions = (count: number) => Array.from({ length: count }, (_, i) => i + 1).join(', ');

const call = (fn: string, value: SqlPart | undefined): SqlPart =>
  value ? { sql: `${fn}(${value.sql})`, params: value.params } : sql(`${fn}(*)`);

const same = (a: SqlPart, b: SqlPart) => JSON.stringify(a) === JSON.stringify(b);

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

const select = (items: readonly SqlPart[]) => join([sql('SELECT'), join(items, ', ')], ' ');
const statement = (parts: AggregateParts, body: readonly SqlPart[]) =>
  join([...(parts.with ? [parts.with] : []), ...body], ' ');
const aliased = (part: SqlPart, alias: string) => join([part, sql(`AS ${alias}`)], ' ');

/** One pass: each aggregate straight over the rows. */
function onePass(parts: AggregateParts): SqlPart {
  const selects = [
    ...parts.groups.map((g, i) => aliased(g, `g${i}`)),
    ...parts.measures.map((m) =>
      aliased(
        m.op === 'distinct'
          ? { sql: `COUNT(DISTINCT ${m.value.sql})`, params: m.value.params }
          : call(FUNCTIONS[m.op], m.value),
        m.alias,
      ),
    ),
  ];
  return statement(parts, [select(selects), ...clauses(parts, parts.groups.length), ...tail(parts)]);
}

/** The inner pass of two: grouped by the groups, the bucket field's raw value, the day and distinct fields. */
function innerPass(parts: AggregateParts) {
  const distinct: SqlPart[] = [];
  const distinctAlias = (value: SqlPart): string => {
    const at = distinct.findIndex((d) => same(d, value));
    if (at >= 0) return `d${at}`;
    distinct.push(value);
    return `d${distinct.length - 1}`;
  };
  const partials: SqlPart[] = [];
  const combines: Combine[] = [];
  // Per measure: the outer expressions of its combined partials, and its value from them.
  const outer = parts.measures.map((m) => {
    if (m.op === 'distinct') return { combined: [], value: `COUNT(DISTINCT i.${distinctAlias(m.value)})` };
    const { partials: needed, final } = partialsOf(m);
    const combined = needed.map((p) => {
      partials.push(aliased(call(p.fn, p.value), `p${partials.length}`));
      combines.push(COMBINE[p.fn] === 'SUM' ? 'sum' : COMBINE[p.fn] === 'MIN' ? 'min' : 'max');
      return `${COMBINE[p.fn]}(i.p${partials.length - 1})`;
    });
    return { combined, value: final(combined) };
  });
  const day = parts.day && !(parts.bucket && same(parts.day, parts.bucket.value)) ? parts.day : undefined;
  const keys = [
    ...parts.groups.map((g, i) => aliased(g, `g${i}`)),
    ...(parts.bucket ? [aliased(parts.bucket.value, 'b0')] : []),
    ...(day ? [aliased(day, 'dd')] : []),
    ...distinct.map((d, i) => aliased(d, `d${i}`)),
  ];
  const inner = join([select([...keys, ...partials]), ...clauses(parts, keys.length)], ' ');
  const outerKeys = [
    ...parts.groups.map((_, i) => sql(`i.g${i} AS g${i}`)),
    ...(parts.bucket ? [aliased(parts.bucket.of(sql('i.b0')), 'b0')] : []),
  ];
  const from = join([sql('FROM ('), inner, sql(') AS i')], ' ');
  const groupBy = sql(`GROUP BY ${positions(outerKeys.length)}`);
  return { outer, outerKeys, from, groupBy, combines, hasDistinct: distinct.length > 0 };
}

/**
 * Two passes for time buckets and date ranges: the inner query groups by the groups, the bucket
 * field's raw value (a day, for date fields) and the date range's day — a grouping a board index led
 * by those columns delivers in order, with no sort — and keeps partial aggregates; the outer query
 * turns days into buckets and combines the partials (sums of sums and counts, min of mins; an average
 * is a sum over a count; a distinct count keeps its field in the inner key). Only a few rows per
 * group and day reach the outer query.
 */
function twoPass(parts: AggregateParts): SqlPart {
  const pass = innerPass(parts);
  const selects = [
    ...pass.outerKeys,
    ...parts.measures.map((m, i) => sql(`${pass.outer[i]?.value ?? 'NULL'} AS ${m.alias}`)),
  ];
  return statement(parts, [select(selects), pass.from, pass.groupBy, ...tail(parts)]);
}

/** The SQL of an aggregation: one pass without a time bucket or date range groups, two passes with one. */
export function aggregateSql(parts: AggregateParts): SqlPart {
  return parts.bucket || (parts.day && parts.groups.length > 0) ? twoPass(parts) : onePass(parts);
}

/** An aggregation's partial rows: `statement` returns the keys (g0…, b0) and partials (p0…) per group. */
export interface PartialSql {
  readonly statement: SqlPart;
  /** The key columns of each row: the groups (g0, g1, …) and the bucket (b0). */
  readonly keys: readonly string[];
  /** How each partial column, in order, combines across rows of the same key. */
  readonly combines: readonly Combine[];
  /** Per measure, its value as SQL over the partial columns, given how partial number n is named. */
  readonly finals: readonly ((name: (n: number) => string) => string)[];
  /** Per measure, its value computed from a partial row's partials (without its keys). */
  readonly values: readonly ((partials: readonly unknown[]) => unknown)[];
  /** Per measure, the numbers of its partial columns (an average has a sum and a count). */
  readonly columns: readonly (readonly number[])[];
  /** The aggregate each partial column is, in order (a count is 0, not blank, over no rows). */
  readonly fns: readonly Partial['fn'][];
}

/**
 * The aggregation stopped before its measures: one row per final group and bucket with the partials
 * they are computed from, in key order and unlimited — rows that can be combined with the partials of
 * more records and finished later (`finishSql`). Undefined for distinct counts, whose partials do
 * not combine, and for minimums and maximums of text (partials are numbers).
 */
export function partialSql(parts: AggregateParts): PartialSql | undefined {
  if (parts.measures.some((m) => m.op === 'distinct' || ('text' in m && m.text))) return undefined;
  const pass = innerPass({ ...parts, order: [] });
  let next = 0;
  const numbered = parts.measures.map((m) => {
    const { partials, final, compute } = partialsOf(m);
    const numbers = partials.map(() => next++);
    return {
      final: (name: (n: number) => string) => final(numbers.map(name)),
      value: compute(numbers),
      numbers,
      fns: partials.map((p) => p.fn),
    };
  });
  const combined = pass.outer.flatMap((o) => o.combined).map((c, i) => sql(`${c} AS p${i}`));
  const body =
    parts.bucket || parts.day
      ? [
          select([...pass.outerKeys, ...combined]),
          pass.from,
          ...(pass.outerKeys.length > 0 ? [pass.groupBy] : []),
        ]
      : [
          select([
            ...parts.groups.map((g, i) => aliased(g, `g${i}`)),
            ...parts.measures
              .flatMap((m) => partialsOf(m).partials.map((p) => call(p.fn, p.value)))
              .map((p, i) => aliased(p, `p${i}`)),
          ]),
          ...clauses(parts, parts.groups.length),
        ];
  const keys = [...parts.groups.map((_, i) => `g${i}`), ...(parts.bucket ? ['b0'] : [])];
  // In key order, as the database sorts: answers in that order need no second sort (see AnswerCache).
  const ordered = keys.length > 0 ? [sql(`ORDER BY ${keys.map((k) => `${k} ASC`).join(', ')}`)] : [];
  return {
    statement: statement(parts, [...body, ...ordered]),
    keys,
    combines: pass.combines,
    finals: numbered.map((n) => n.final),
    values: numbered.map((n) => n.value),
    columns: numbered.map((n) => n.numbers),
    fns: numbered.flatMap((n) => n.fns),
  };
}
