import type { Dialect, Row } from '../dialect/Dialect.ts';
import { changesSince, dataVersion } from '../layout/dataVersions.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import type { Combine, PartialSql } from './aggregateSql.ts';
import { type FinishSpec, finishInOrder, finishSql, inKeyOrder } from './finishSql.ts';

/** Partial rows kept over all passes (tens of MB at most); the least recently used pass goes first. */
const MAX_KEPT_ROWS = 500_000;
/** Passes with more partial rows than this are not kept (a table of every person and day). */
const MAX_PARTIAL_ROWS = 50_000;
/** PostgreSQL's memory for one hash table while passes are computed (`work_mem`). */
export const WORK_MEM = '32MB';
/** A pass extended by inserts this many times is recomputed: float sums drift by one add at a time. */
const MAX_EXTENSIONS = 1000;

/** A row of a pass's partial aggregates: its keys, then its partials. */
export type PartialRow = readonly unknown[];

/** One kept pass: partial rows at a data version of the form, and the answers finished from them. */
interface Entry {
  /** The typed table and form version the rows were read from. */
  readonly layout: string;
  readonly version: number;
  readonly partials: ReadonlyMap<string, PartialRow>;
  readonly extensions: number;
  /** Whether the partial rows are in key order (no inserted record brought a new group since). */
  readonly ordered: boolean;
  /** Finished answers by view key, at this version. */
  readonly answers: Map<string, readonly Row[]>;
}

/** One pass over a form's rows: grouped, filtered and scoped, with the partials of every measure asked. */
export interface PassPlan {
  /** Cache key: the pass's query (groups, bucket, filter, measures) and filters, record scope included. */
  readonly key: string;
  readonly formId: string;
  readonly layout: FormLayout;
  readonly partial: PartialSql;
  /** The same pass over the rows `partial` leaves out, if any (PostgreSQL: those too wide for its indexes). */
  readonly rest?: PartialSql;
  /** The same pass over just these records (newly inserted). */
  readonly partialOf: (recordIds: readonly string[]) => PartialSql;
}

/** Passes computed together (a pass family), from one read of their rows. */
export interface ComputeTogether {
  /** Whether one pass alone is computed together too, rather than by its own statement. */
  readonly evenAlone: boolean;
  /**
   * The partial rows of some passes (by position), from one read of their rows — or of the rows of
   * some records only (inserted since their answers were kept).
   */
  partialRows(
    tx: Dialect,
    which: readonly number[],
    recordIds?: readonly string[],
  ): Promise<Map<string, PartialRow>[]>;
}

/** `work` over each item in turn (a transaction's statements share one connection). */
async function inOrder<T, U>(items: readonly T[], work: (item: T) => Promise<U>): Promise<U[]> {
  const done: U[] = [];
  for (const item of items) done.push(await work(item));
  return done;
}

/** One answer finished from a pass: some of its measures, sorted and limited. */
export interface AnswerView {
  readonly key: string;
  readonly finish: FinishSpec;
}

function combine(how: Combine, a: unknown, b: unknown): unknown {
  if (a === null || a === undefined) return b;
  if (b === null || b === undefined) return a;
  if (how === 'sum') return Number(a) + Number(b);
  return how === 'min' ? Math.min(Number(a), Number(b)) : Math.max(Number(a), Number(b));
}

/**
 * Partial rows with more rows' partials combined in, by key: sums added, the smaller minimum and the
 * larger maximum kept. Still in key order if no combined row brought a new key.
 */
function combined(
  partial: PartialSql,
  kept: { readonly partials: ReadonlyMap<string, PartialRow>; readonly ordered: boolean },
  more: ReadonlyMap<string, PartialRow>,
): { partials: Map<string, PartialRow>; ordered: boolean } {
  const partials = new Map(kept.partials);
  const n = partial.keys.length;
  for (const [key, row] of more) {
    const before = partials.get(key);
    const merged = before
      ? [...row.slice(0, n), ...partial.combines.map((how, i) => combine(how, before[n + i], row[n + i]))]
      : row;
    partials.set(key, merged);
  }
  return { partials, ordered: kept.ordered && [...more.keys()].every((key) => kept.partials.has(key)) };
}

/** A kept pass extended by the partial rows of records inserted since. */
function extendedBy(plan: PassPlan, kept: Entry, delta: ReadonlyMap<string, PartialRow>) {
  // None of the inserted records is in this pass (another period, filtered out): its answers stand.
  if (delta.size === 0)
    return {
      partials: kept.partials,
      extensions: kept.extensions,
      ordered: kept.ordered,
      answers: kept.answers,
    };
  return {
    ...combined(plan.partial, kept, delta),
    extensions: kept.extensions + 1,
    answers: new Map<string, readonly Row[]>(),
  };
}

/**
 * Board answers kept per pass (query shape, filters, record scope) at the data version of their
 * form. While the version is unchanged, answers are served as kept. When the form's journal says only
 * records were inserted since, their partial rows — the pass's own SQL over just those records — are
 * combined into the kept ones and the answers finished again: a submit costs a look-up by id, not a
 * pass over a million rows. Anything else (an update, a delete, a rebuild, a large import, a pruned
 * journal, a new form version) recomputes the pass. Versions, journal and rows are read on one
 * snapshot, so a pass is never labelled with a version whose changes it does not hold.
 */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private keptRows = 0;

  /** `keep`: false computes every pass afresh and keeps nothing (benchmarks of the queries themselves). */
  constructor(private readonly keep = true) {}

  /**
   * The finished rows of each view of some passes over one form's rows, from what is kept where it is
   * still exact. Passes to compute afresh, and the inserted records to extend kept passes by, are read
   * by `together` when it is given and more than one pass needs them, or one if `together.evenAlone`
   * (a pass family: one read of the rows), else by each pass's own statement.
   */
  async answers(
    db: Dialect,
    passes: readonly { readonly plan: PassPlan; readonly views: readonly AnswerView[] }[],
    together?: ComputeTogether,
  ): Promise<(readonly Row[])[][]> {
    const formId = passes[0]?.plan.formId;
    if (formId === undefined) return [];
    const plans = passes.map((p) => p.plan);
    return db.snapshot(async (tx) => {
      const version = await dataVersion(tx, formId);
      const kept = plans.map((plan) => this.entries.get(plan.key));
      const layoutOf = (plan: PassPlan) => `${plan.layout.table}@${plan.layout.formVersion}`;
      const entries: (Entry | undefined)[] = [];
      // Passes kept at an older version, by that version: the same inserts extend them all.
      const older = new Map<number, number[]>();
      for (const [i, plan] of plans.entries()) {
        const was = kept[i];
        const usable = was?.layout === layoutOf(plan) && was.version <= version ? was : undefined;
        entries.push(usable?.version === version ? usable : undefined);
        if (usable && usable.version < version && usable.extensions < MAX_EXTENSIONS)
          older.set(usable.version, [...(older.get(usable.version) ?? []), i]);
      }
      for (const [since, which] of older) {
        const changes = await changesSince(tx, formId, since, version);
        if (changes.kind !== 'inserts') continue;
        const deltas = await this.partials(tx, plans, which, together, changes.recordIds);
        which.forEach((i, k) => {
          const plan = plans[i] as PassPlan;
          const extended = extendedBy(plan, kept[i] as Entry, deltas[k] ?? new Map());
          entries[i] = { layout: layoutOf(plan), version, ...extended };
        });
      }
      const fresh = plans.flatMap((_, i) => (entries[i] ? [] : [i]));
      // Grouping the rows of a period hashes up to 50,000 groups: more than the default 4 MB, so the
      // planner would sort them (on disk) instead — for these statements only.
      if (fresh.length > 0 && tx.name === 'postgres') await tx.run(`SET LOCAL work_mem = '${WORK_MEM}'`);
      const rows = await this.partials(tx, plans, fresh, together);
      for (const [k, i] of fresh.entries()) {
        const plan = plans[i] as PassPlan;
        entries[i] = {
          layout: layoutOf(plan),
          version,
          ...(await this.withRest(tx, plan, rows[k] ?? new Map<string, PartialRow>())),
          extensions: 0,
          answers: new Map(),
        };
      }
      const answers: (readonly Row[])[][] = [];
      for (const [i, { plan, views }] of passes.entries()) {
        const entry = entries[i] as Entry;
        answers.push(await this.finished(tx, plan, entry, views));
        const newer = (kept[i]?.version ?? 0) > version;
        if (this.keep && entry.partials.size <= MAX_PARTIAL_ROWS && !newer) this.touch(plan.key, entry);
      }
      return answers;
    });
  }

  /**
   * Partial rows of some passes (by position): over all their rows, or over some records only; by
   * `together` when more than one pass needs them (or one, if it computes even one), else each by its
   * own statement.
   */
  private async partials(
    tx: Dialect,
    plans: readonly PassPlan[],
    which: readonly number[],
    together: ComputeTogether | undefined,
    recordIds?: readonly string[],
  ): Promise<Map<string, PartialRow>[]> {
    if (recordIds?.length === 0) return which.map(() => new Map());
    if (together && which.length > (together.evenAlone ? 0 : 1))
      return together.partialRows(tx, which, recordIds);
    return inOrder(which, (i) => {
      const plan = plans[i] as PassPlan;
      return this.partialRows(tx, recordIds ? plan.partialOf(recordIds) : plan.partial);
    });
  }

  /** Each view's rows from a pass's partial rows: kept, finished in order here, or by the database. */
  private async finished(tx: Dialect, plan: PassPlan, entry: Entry, views: readonly AnswerView[]) {
    const rows: (readonly Row[])[] = [];
    let partials: unknown[][] | undefined;
    for (const view of views) {
      let answer = entry.answers.get(view.key);
      if (!answer && entry.ordered && inKeyOrder(view.finish, plan.partial.keys)) {
        answer = finishInOrder(view.finish, plan.partial.keys, entry.partials.values());
      } else if (!answer) {
        partials ??= [...entry.partials.values()] as unknown[][];
        const finish = finishSql(tx.name, view.finish, partials);
        answer = await tx.query(finish.sql, finish.params);
      }
      entry.answers.set(view.key, answer);
      rows.push(answer);
    }
    return rows;
  }

  /** A pass's partial rows computed afresh, with those of the rows its statement leaves out combined in. */
  private async withRest(tx: Dialect, plan: PassPlan, partials: Map<string, PartialRow>) {
    const rest = plan.rest ? await this.partialRows(tx, plan.rest) : undefined;
    return rest?.size
      ? combined(plan.partial, { partials, ordered: true }, rest)
      : { partials, ordered: true };
  }

  /** Runs a partial statement: rows as arrays `[keys…, partials…]`, by the JSON of their keys. */
  private async partialRows(tx: Dialect, partial: PartialSql): Promise<Map<string, PartialRow>> {
    const raw = await tx.query(partial.statement.sql, partial.statement.params);
    const rows = new Map<string, PartialRow>();
    for (const r of raw) {
      const key = partial.keys.map((k) => r[k] ?? null);
      const values = partial.combines.map((_, i) => {
        const value = r[`p${i}`];
        return value === null || value === undefined ? null : Number(value);
      });
      rows.set(JSON.stringify(key), [...key, ...values]);
    }
    return rows;
  }

  private touch(key: string, entry: Entry): void {
    this.drop(key);
    this.entries.set(key, entry);
    this.keptRows += entry.partials.size;
    for (const oldest of this.entries.keys()) {
      if (this.keptRows <= MAX_KEPT_ROWS) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    this.keptRows -= this.entries.get(key)?.partials.size ?? 0;
    this.entries.delete(key);
  }
}
