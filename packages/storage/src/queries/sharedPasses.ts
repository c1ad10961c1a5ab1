import type { DashboardQuery, FieldIndex } from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import { partialSql } from './aggregateSql.ts';
import type { AnswerView, PassPlan } from './answerCache.ts';
import { type QueryFilters, type QueryParts, queryParts, type RowPick } from './compileQuery.ts';

/** A query to run with its filters, compiled against its form. */
export interface CompiledRun {
  readonly query: DashboardQuery;
  readonly filters: QueryFilters;
  readonly compiled: QueryParts;
  readonly index: FieldIndex;
  readonly layout: FormLayout | undefined;
}

/** One pass over a form's rows, and the runs answered from it (by their position) with their views. */
export interface SharedPass {
  /** What it computes: the groups, bucket and filter of its runs, with the measures of them all. */
  readonly query: DashboardQuery;
  /** Its first run: the filters, form fields and layout all its runs share. */
  readonly first: CompiledRun;
  readonly plan: PassPlan;
  readonly members: readonly { readonly run: number; readonly view: AnswerView }[];
}

type Measure = DashboardQuery['measures'][number];
type Aggregate = Extract<Measure, { op: string }>;

/** Whether a measure is an aggregate (not a formula over other measures). */
export const isAggregate = (m: Measure): m is Aggregate => 'op' in m;
/** What an aggregate computes, whatever its id: its operation and field. */
export const measureKey = (m: Aggregate): string => JSON.stringify([m.op, m.field ?? null]);

/**
 * Groups runs that read the same rows the same way — same form, groups, time bucket, filter formula
 * and filters (record scope included) — into one pass computing the partials of all their measures:
 * a board's KPI cards share one pass over the period, its charts by unit another. Each run is then
 * finished from the pass with its own measures, sort and limit. Runs over a form's JSON (repeating
 * tables) and runs whose partials do not combine (distinct counts, text minimums) are left `alone`.
 */
export function sharedPasses(
  dialect: Dialect['name'],
  runs: readonly CompiledRun[],
): { passes: SharedPass[]; alone: number[] } {
  const alone: number[] = [];
  const groups = new Map<string, number[]>();
  runs.forEach((run, i) => {
    if (!run.layout || !run.compiled.typed || !partialSql(run.compiled.parts)) {
      alone.push(i);
      return;
    }
    const { source, groupBy, timeBucket, filter } = run.query;
    const key = JSON.stringify([source, groupBy ?? [], timeBucket ?? null, filter ?? null, run.filters]);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const passes = [...groups.values()].map((members) => sharedPass(dialect, runs, members));
  return { passes, alone };
}

function sharedPass(dialect: Dialect['name'], runs: readonly CompiledRun[], members: number[]): SharedPass {
  const first = runs[members[0] ?? 0] as CompiledRun;
  const union: Aggregate[] = [];
  const position = new Map<string, number>();
  for (const i of members)
    for (const m of runs[i]?.query.measures.filter(isAggregate) ?? []) {
      if (position.has(measureKey(m))) continue;
      position.set(measureKey(m), union.length);
      union.push({ ...m, id: `u${union.length}` });
    }
  const { source, groupBy, timeBucket, filter } = first.query;
  const merged: DashboardQuery = {
    source,
    measures: union,
    ...(groupBy ? { groupBy } : {}),
    ...(timeBucket ? { timeBucket } : {}),
    ...(filter ? { filter } : {}),
  };
  const partialFor = (pick?: RowPick) => {
    const parts = queryParts(dialect, merged, first.index, first.filters, first.layout, pick).parts;
    const partial = partialSql(parts);
    if (!partial) throw new Error('a pass of combinable measures has partials');
    return partial;
  };
  // On PostgreSQL, the rows that fit the board indexes (an index-only scan) and, apart, the others
  // (almost never any), combined as inserted records are: one statement reading both parts through
  // a UNION costs a quarter more per row.
  const partial = partialFor(dialect === 'postgres' ? 'fitting' : undefined);
  const layout = first.layout as FormLayout;
  const plan: PassPlan = {
    key: JSON.stringify([merged, first.filters]),
    formId: source,
    layout,
    partial,
    ...(dialect === 'postgres' ? { rest: partialFor('long') } : {}),
    partialOf: (recordIds) => partialFor({ recordIds }),
  };
  return {
    query: merged,
    first,
    plan,
    members: members.map((run) => {
      const { query, compiled } = runs[run] as CompiledRun;
      // Aliases follow the measure's position in the query (m0, m1, …), as compileQuery names them.
      const measures = query.measures.flatMap((m, i) => {
        if (!isAggregate(m)) return [];
        const at = position.get(measureKey(m)) ?? 0;
        return [
          {
            alias: `m${i}`,
            at,
            final: partial.finals[at] ?? (() => 'NULL'),
            value: partial.values[at] ?? (() => null),
          },
        ];
      });
      const order = compiled.parts.order;
      const limit = compiled.parts.limit;
      return {
        run,
        view: {
          key: JSON.stringify([measures.map((m) => [m.alias, m.at]), order, limit ?? null]),
          finish: {
            groupKinds: compiled.groupKinds,
            bucket: compiled.parts.bucket !== undefined,
            partialCount: partial.combines.length,
            measures,
            order,
            ...(limit ? { limit } : {}),
          },
        },
      };
    }),
  };
}
