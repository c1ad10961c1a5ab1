import type { Dialect, Row } from '../dialect/Dialect.ts';
import { changesSince, dataVersion } from '../layout/dataVersions.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import type { Combine, PartialSql } from './aggregateSql.ts';
import { type FinishSpec, finishInOrder, finishSql, inKeyOrder } from './finishSql.ts';

/** Partial rows kept over all passes (tens of MB at most); the least recently used pass goes first. */
const MAX_KEPT_ROWS = 500_000;
/** Passes with more partial rows than this are not kept (a table of every person and day). */
const MAX_PARTIAL_ROWS = 50_000;
/** A pass extended by inserts this many times is recomputed: float sums drift by one add at a time. */
const MAX_EXTENSIONS = 1000;

type PartialRow = readonly unknown[];

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
  /** The same pass over just these records (newly inserted). */
  readonly partialOf: (recordIds: readonly string[]) => PartialSql;
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

  /** The finished rows of each view of a pass, from what is kept where it is still exact. */
  async answers(db: Dialect, plan: PassPlan, views: readonly AnswerView[]): Promise<(readonly Row[])[]> {
    return db.snapshot(async (tx) => {
      const version = await dataVersion(tx, plan.formId);
      const layout = `${plan.layout.table}@${plan.layout.formVersion}`;
      const kept = this.entries.get(plan.key);
      const usable = kept?.layout === layout && kept.version <= version ? kept : undefined;
      const entry: Entry =
        usable?.version === version
          ? usable
          : {
              layout,
              version,
              ...((usable && (await this.extended(tx, plan, usable, version))) ?? {
                partials: await this.partialRows(tx, plan.partial),
                extensions: 0,
                ordered: true,
                answers: new Map(),
              }),
            };
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
      const newer = kept !== undefined && kept.version > version;
      if (this.keep && entry.partials.size <= MAX_PARTIAL_ROWS && !newer) this.touch(plan.key, entry);
      return rows;
    });
  }

  /** The kept partials combined with those of the records inserted since, if that is all that happened. */
  private async extended(tx: Dialect, plan: PassPlan, kept: Entry, version: number) {
    if (kept.extensions >= MAX_EXTENSIONS) return undefined;
    const changes = await changesSince(tx, plan.formId, kept.version, version);
    if (changes.kind !== 'inserts') return undefined;
    const delta =
      changes.recordIds.length > 0
        ? await this.partialRows(tx, plan.partialOf(changes.recordIds))
        : new Map<string, PartialRow>();
    // None of the inserted records is in this pass (another period, filtered out): its answers stand.
    if (delta.size === 0)
      return {
        partials: kept.partials,
        extensions: kept.extensions,
        ordered: kept.ordered,
        answers: kept.answers,
      };
    const partials = new Map(kept.partials);
    const combines = plan.partial.combines;
    const n = plan.partial.keys.length;
    for (const [key, row] of delta) {
      const before = partials.get(key);
      const merged = before
        ? [...row.slice(0, n), ...combines.map((how, i) => combine(how, before[n + i], row[n + i]))]
        : row;
      partials.set(key, merged);
    }
    const ordered = kept.ordered && [...delta.keys()].every((key) => kept.partials.has(key));
    return { partials, extensions: kept.extensions + 1, ordered, answers: new Map<string, readonly Row[]>() };
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
