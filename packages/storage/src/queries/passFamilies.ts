import { type DashboardQuery, DEFAULT_TIME_ZONE } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { type PartialSql, partialSql } from './aggregateSql.ts';
import type { PartialRow } from './answerCache.ts';
import { queryParts, type RowPick } from './compileQuery.ts';
import { familyKeys, gatherByKeys, isKeyable } from './familyKeys.ts';
import { join, type SqlPart, sql } from './fieldSql.ts';
import { formulaToSql } from './formulaToSql.ts';
import { isAggregate, measureKey, type SharedPass } from './sharedPasses.ts';
import { type BucketUnit, timeBucketSql } from './timeBucketSql.ts';

/** A board index on a form's typed record table (SQLite): the columns it is keyed by, in order. */
export type IndexColumns = readonly string[];

/** Passes over the same rows computed by one statement, and how to read each one's partial rows from it. */
export interface PassFamily {
  readonly members: readonly SharedPass[];
  /**
   * Whether a member is computed from the carrier even alone (SQLite: its own statement may have to
   * sort the rows it reads, the carrier never does), rather than by its own statement (PostgreSQL).
   */
  readonly evenAlone: boolean;
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

type Keyed = { readonly pass: SharedPass; readonly keys: readonly string[] };

/** The rows a pass reads: its form and filters, record scope included. */
const rowsOf = ({ pass }: Keyed) => JSON.stringify([pass.query.source, pass.first.filters]);

/**
 * Families of a board's passes: passes reading the same rows (form, date range, record scope) that
 * differ only in groups, time bucket and filter over few-valued fields are computed by one statement.
 * It reads the rows once into a **carrier** — partial aggregates of every measure of the family,
 * grouped by all their key fields, the day for time buckets — and rolls each member up from it
 * (`WITH c AS MATERIALIZED`): a board's KPI cards, status charts, unit charts and weekly lines are one
 * read of the period instead of seven. Each member's rows are its partial rows exactly: counts and
 * sums add up, minimums of minimums, buckets of days; filters over the carrier's key columns see the
 * very values the typed table holds.
 *
 * PostgreSQL hashes the carrier's groups: a family is any passes whose keys together number at most
 * three (`MAX_KEYS`). SQLite has no hash aggregation, and sorting a period's rows costs more than
 * reading them, so its carrier groups by a prefix of a board index (`indexesOf` the form: the date the
 * index is led by, then few-valued fields), which hands rows over in that order: a family is the passes
 * one index serves, and even a single pass is computed from its carrier.
 */
export function passFamilies(
  dialect: Dialect['name'],
  passes: readonly SharedPass[],
  indexesOf: (formId: string) => readonly IndexColumns[] = () => [],
): { families: PassFamily[]; single: SharedPass[] } {
  const single: SharedPass[] = [];
  const keyed: Keyed[] = [];
  for (const pass of passes) {
    const keys = familyKeys(pass.query, pass.first.index);
    if (keys) keyed.push({ pass, keys });
    else single.push(pass);
  }
  if (dialect === 'sqlite') return sqliteFamilies(keyed, single, indexesOf);
  const families: PassFamily[] = [];
  for (const family of gatherByKeys(keyed, rowsOf, (k) => k.keys)) {
    const members = family.members.map((k) => k.pass);
    if (members.length > 1) families.push(passFamily(dialect, family.keys, members, false));
    else single.push(...members);
  }
  return { families, single };
}

/** SQLite's families: passes over the same rows, each group served by one board index (see `carrierKeys`). */
function sqliteFamilies(
  keyed: readonly Keyed[],
  single: SharedPass[],
  indexesOf: (formId: string) => readonly IndexColumns[],
): { families: PassFamily[]; single: SharedPass[] } {
  const families: PassFamily[] = [];
  const byRows = new Map<string, Keyed[]>();
  for (const k of keyed) byRows.set(rowsOf(k), [...(byRows.get(rowsOf(k)) ?? []), k]);
  for (let left of byRows.values()) {
    const indexes = indexesOf(left[0]?.pass.query.source ?? '');
    // The index serving most of the passes left takes them, until none serves any.
    while (left.length > 0) {
      const served = indexes.map((columns) => left.filter((k) => carrierKeys(columns, [k]) !== undefined));
      const most = served.reduce((best, s, i) => (s.length > (served[best]?.length ?? 0) ? i : best), 0);
      const members = served[most] ?? [];
      const keys = members.length > 0 ? carrierKeys(indexes[most] ?? [], members) : undefined;
      if (!keys) break;
      families.push(
        passFamily(
          'sqlite',
          keys,
          members.map((k) => k.pass),
          true,
        ),
      );
      left = left.filter((k) => !members.includes(k));
    }
    single.push(...left.map((k) => k.pass));
  }
  return { families, single };
}

/**
 * The key fields, in index order, of a carrier that an index with these columns hands over grouped
 * with no sort: its shortest prefix holding every key of the passes and their date range's field, if
 * each of its columns is keyable and the index holds every column the passes read (an index-only
 * read); otherwise undefined.
 */
function carrierKeys(columns: IndexColumns, passes: readonly Keyed[]): string[] | undefined {
  const { layout, index, filters } = (passes[0] as Keyed).pass.first;
  if (!layout) return undefined;
  const columnOf = new Map(layout.columns.map((c) => [c.path, c.column]));
  const pathOf = new Map(layout.columns.map((c) => [c.column, c.path]));
  const range = filters.dateRange?.field;
  const needed = new Set([...passes.flatMap((k) => k.keys), ...(range ? [range] : [])]);
  const read = [
    ...needed,
    ...passes.flatMap((k) =>
      k.pass.query.measures.flatMap((m) => ('field' in m && m.field ? [m.field] : [])),
    ),
  ].map((path) => columnOf.get(path));
  const scoped = [...(filters.ownerIds ? ['owner_id'] : []), ...(filters.orgUnitIds ? ['org_unit_id'] : [])];
  if (![...read, ...scoped].every((column) => column !== undefined && columns.includes(column)))
    return undefined;
  const prefix: string[] = [];
  for (const column of columns) {
    if ([...needed].every((path) => prefix.includes(path))) break;
    const path = pathOf.get(column);
    if (path === undefined || !isKeyable(index, path)) return undefined;
    prefix.push(path);
  }
  return [...needed].every((path) => prefix.includes(path)) ? prefix : undefined;
}

function passFamily(
  dialect: Dialect['name'],
  keys: readonly string[],
  members: SharedPass[],
  evenAlone: boolean,
): PassFamily {
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
    evenAlone,
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
        const list = row?.[`s${i}`] ?? [];
        // PostgreSQL's driver parses JSON; SQLite's returns its text.
        for (const r of (typeof list === 'string' ? JSON.parse(list) : list) as unknown[][]) {
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
  // The filter reads key fields only (familyKeys): the carrier's columns hold their typed values.
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
  const array =
    dialect === 'postgres'
      ? `COALESCE(json_agg(json_build_array(${names.join(', ')})${order}), '[]'::json)`
      : `json_group_array(json_array(${names.join(', ')})${order})`;
  return join([sql(`SELECT ${array} FROM (`), inner, sql(') AS x')], ' ');
}
