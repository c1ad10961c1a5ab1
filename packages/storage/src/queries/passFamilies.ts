import { type DashboardQuery, DEFAULT_TIME_ZONE } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { type PartialSql, partialSql } from './aggregateSql.ts';
import type { PartialRow } from './answerCache.ts';
import { hasFewValues, queryParts, type RowPick } from './compileQuery.ts';
import { join, type SqlPart, sql } from './fieldSql.ts';
import { formulaReads } from './formulaReads.ts';
import { formulaToSql } from './formulaToSql.ts';
import { isAggregate, measureKey, type SharedPass } from './sharedPasses.ts';
import { type BucketUnit, timeBucketSql } from './timeBucketSql.ts';

/**
 * Key fields a family's carrier may group by. Their values multiply: three few-valued fields (a
 * status, an org unit, the day of a 90-day range) keep the carrier well below the rows it reads.
 */
const MAX_KEYS = 3;

/** Passes over the same rows computed by one statement, and how to read each one's partial rows from it. */
export interface PassFamily {
  readonly members: readonly SharedPass[];
  /**
   * The partial rows of some members (by position), as their own statements would return them: over
   * the rows that fit the board indexes, or over some records only (inserted since).
   */
  partialRows(
    tx: Dialect,
    which: readonly number[],
    recordIds?: readonly string[],
  ): Promise<Map<string, PartialRow>[]>;
}

const unique = (values: readonly string[]) => [...new Set(values)];

/**
 * The fields telling a pass's rows apart — its groups, its time bucket's field, the fields its
 * filter reads — when a carrier can hold them: fields of few values (choices, yes/no, org units) and
 * dates, by day; otherwise undefined.
 */
function keyFields(pass: SharedPass): string[] | undefined {
  const { index } = pass.first;
  const told = [...(pass.query.groupBy ?? []), ...formulaReads(pass.query.filter)];
  const bucket = pass.query.timeBucket?.field;
  const byDay = bucket === undefined || index.fields.get(bucket)?.format === 'date';
  if (!told.every((path) => hasFewValues(index, path)) || !byDay) return undefined;
  return unique([...told, ...(bucket ? [bucket] : [])]);
}

/**
 * Families of a board's passes on PostgreSQL: passes reading the same rows (form, date range, record
 * scope) that differ only in groups, time bucket and filter over few-valued fields are computed by
 * one statement. It reads the rows once into a **carrier** — partial aggregates of every measure of
 * the family, grouped by all their key fields, the day for time buckets — and rolls each member up
 * from it (`WITH c AS MATERIALIZED`): a board's KPI cards, status charts, unit charts and weekly
 * lines are one read of the period instead of seven. Each member's rows are its partial rows exactly:
 * counts and sums add up, minimums of minimums, buckets of days; filters over the carrier's key
 * columns see the very values the typed table holds. A carrier keeps at most three key fields.
 */
export function passFamilies(
  dialect: Dialect['name'],
  passes: readonly SharedPass[],
): { families: PassFamily[]; single: SharedPass[] } {
  const single: SharedPass[] = [];
  const forming = new Map<string, { keys: string[]; members: SharedPass[] }[]>();
  for (const pass of passes) {
    const keys = dialect === 'postgres' ? keyFields(pass) : undefined;
    if (!keys) {
      single.push(pass);
      continue;
    }
    const rows = JSON.stringify([pass.query.source, pass.first.filters]);
    const open = forming.get(rows) ?? [];
    const fits = open.find((f) => unique([...f.keys, ...keys]).length <= MAX_KEYS);
    if (fits) {
      fits.keys = unique([...fits.keys, ...keys]);
      fits.members.push(pass);
    } else open.push({ keys, members: [pass] });
    forming.set(rows, open);
  }
  const families: PassFamily[] = [];
  for (const family of [...forming.values()].flat()) {
    if (family.members.length > 1) families.push(passFamily(dialect, family.keys, family.members));
    else single.push(...family.members);
  }
  return { families, single };
}

function passFamily(dialect: Dialect['name'], keys: readonly string[], members: SharedPass[]): PassFamily {
  const first = members[0] as SharedPass;
  const measures = [
    ...new Map(members.flatMap((m) => m.query.measures.filter(isAggregate).map((a) => [measureKey(a), a]))),
  ].map(([, m], i) => ({ ...m, id: `u${i}` }));
  const carrierQuery: DashboardQuery = { source: first.query.source, groupBy: [...keys], measures };
  const { first: run } = first;
  const carrierOf = (pick: RowPick) => {
    const parts = queryParts(dialect, carrierQuery, run.index, run.filters, run.layout, pick).parts;
    const partial = partialSql(parts);
    if (!partial) throw new Error('a family of combinable measures has partials');
    return partial;
  };
  const carrier = carrierOf('fitting');
  const measureAt = new Map(measures.map((m, i) => [measureKey(m), i]));
  const rollUps = members.map((member) => rollUp(dialect, member, carrier, keys, measureAt));
  return {
    members,
    async partialRows(tx, which, recordIds) {
      const selects = which.map((at, i) => join([sql('('), rollUps[at] as SqlPart, sql(`) AS s${i}`)], ''));
      // The carrier of the inserted records only has the same columns: the roll-ups read either.
      const from = recordIds ? carrierOf({ recordIds }) : carrier;
      const statement = join(
        [sql('WITH c AS MATERIALIZED ('), from.statement, sql(') SELECT'), join(selects, ', ')],
        ' ',
      );
      const [row] = await tx.query(statement.sql, statement.params);
      return which.map((at, i) => {
        const n = (members[at] as SharedPass).plan.partial.keys.length;
        const rows = new Map<string, PartialRow>();
        for (const r of (row?.[`s${i}`] ?? []) as unknown[][]) {
          const values = r.slice(n).map((v) => (v === null || v === undefined ? null : Number(v)));
          rows.set(JSON.stringify(r.slice(0, n)), [...r.slice(0, n), ...values]);
        }
        return rows;
      });
    },
  };
}

/**
 * One member's partial rows rolled up from the carrier `c`, as one JSON array of `[keys…,
 * partials…]` in key order: its groups and bucket from the carrier's key columns, its filter over
 * them, each partial combined from the carrier's (a count over no rows is 0, as its own would be).
 */
function rollUp(
  dialect: Dialect['name'],
  member: SharedPass,
  carrier: PartialSql,
  keys: readonly string[],
  measureAt: ReadonlyMap<string, number>,
): SqlPart {
  const { query, plan } = member;
  const key = (path: string) => sql(`c.g${keys.indexOf(path)}`);
  const own = plan.partial;
  const bucket = query.timeBucket;
  const keyParts = [
    ...(query.groupBy ?? []).map(key),
    ...(bucket
      ? [
          timeBucketSql(
            dialect,
            key(bucket.field),
            bucket.unit as BucketUnit,
            bucket.timeZone ?? DEFAULT_TIME_ZONE,
            false,
          ),
        ]
      : []),
  ];
  const partials: string[] = [];
  query.measures.filter(isAggregate).forEach((m, i) => {
    const theirs = carrier.columns[measureAt.get(measureKey(m)) ?? -1] ?? [];
    (own.columns[i] ?? []).forEach((n, j) => {
      const combined = `${(own.combines[n] ?? 'sum').toUpperCase()}(c.p${theirs[j]})`;
      partials.push(own.fns[n] === 'COUNT' ? `COALESCE(${combined}, 0)` : combined);
    });
  });
  // The filter reads key fields only (keyFields): the carrier's columns hold their typed values.
  const where = query.filter
    ? [
        sql('WHERE'),
        formulaToSql(query.filter, dialect, (path) =>
          keys.includes(path)
            ? { expression: key(path), numeric: member.first.index.fields.get(path)?.kind === 'number' }
            : undefined,
        ),
      ]
    : [];
  const columns = [
    ...keyParts.map((k, i) => join([k, sql(`AS k${i}`)], ' ')),
    ...partials.map((p, i) => sql(`${p} AS q${i}`)),
  ];
  const positions = keyParts.map((_, i) => i + 1).join(', ');
  const inner = join(
    [
      sql('SELECT'),
      join(columns, ', '),
      sql('FROM c'),
      ...where,
      ...(keyParts.length > 0 ? [sql(`GROUP BY ${positions}`)] : []),
    ],
    ' ',
  );
  const names = [...keyParts.map((_, i) => `x.k${i}`), ...partials.map((_, i) => `x.q${i}`)];
  const order = keyParts.length > 0 ? ` ORDER BY ${keyParts.map((_, i) => `x.k${i} ASC`).join(', ')}` : '';
  return join(
    [
      sql(`SELECT COALESCE(json_agg(json_build_array(${names.join(', ')})${order}), '[]'::json) FROM (`),
      inner,
      sql(') AS x'),
    ],
    ' ',
  );
}
