import { evaluate, prepareFormula } from '@formboard/formula';
import { type DashboardQuery, type FieldIndex, type FormDefinition, indexFields } from '@formboard/schema';
import type { DefinitionStore } from '../definitions/DefinitionStore.ts';
import type { Dialect, Row } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { sqliteBoardIndexes } from '../layout/boardIndexes.ts';
import type { FormLayout } from '../layout/FormLayout.ts';
import { formLayout } from '../layout/formLayouts.ts';
import { aggregateSql } from './aggregateSql.ts';
import { AnswerCache } from './answerCache.ts';
import { type QueryFilters, queryParts } from './compileQuery.ts';
import { type IndexColumns, type PassFamily, passFamilies } from './passFamilies.ts';
import { attachFromPreviousRun, attachPreviousBucket, previousFilters } from './previousPeriod.ts';
import { type CompiledRun, type SharedPass, sharedPasses } from './sharedPasses.ts';

/** One result row: group fields and bucket by their path, measures by their id. */
export type QueryRow = Record<string, unknown>;

/** One query of {@link QueryRunner.runMany}, with the dashboard's filters and the caller's record scope. */
export interface QueryRequest {
  readonly query: DashboardQuery;
  readonly filters?: QueryFilters;
}

/** The answer to one query of {@link QueryRunner.runMany}: its rows, or why it has none. */
export type QueryAnswer = { readonly rows: QueryRow[] } | { readonly error: unknown };

type Run = { readonly query: DashboardQuery; readonly filters: QueryFilters };
type SourceForm = {
  readonly layout: FormLayout | undefined;
  readonly index: FieldIndex;
  /** SQLite: the board indexes on its typed table, by the columns each is keyed by (see passFamilies). */
  readonly indexes: readonly IndexColumns[];
};
type Ran = { rows: QueryRow[] } | { error: unknown };

const failed = (error: unknown): Ran => ({ error });

/**
 * Passes a board runs at once on PostgreSQL, each on a connection of its own (the pool holds 10):
 * the database works on several while this process waits. SQLite has one connection.
 */
const POSTGRES_READERS = 2;

/** Runs tasks, at most `width` at a time, in order of start. */
async function inTurns(tasks: readonly (() => Promise<void>)[], width: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]?.();
  };
  await Promise.all(Array.from({ length: Math.min(width, tasks.length) }, worker));
}

/**
 * Runs dashboard queries in the database: aggregation happens in SQL, never over all rows in
 * JavaScript. Answers are kept per query, filters and record scope until the form's records change,
 * and extended by inserted records (see AnswerCache).
 */
export class QueryRunner {
  private readonly answers: AnswerCache;

  constructor(
    private readonly db: Dialect,
    private readonly definitions: DefinitionStore,
    keepAnswers = true,
  ) {
    this.answers = new AnswerCache(keepAnswers);
  }

  /** Runs a widget's query with the dashboard's filters (and the caller's record scope in `filters`). */
  async run(query: DashboardQuery, filters: QueryFilters = {}): Promise<QueryRow[]> {
    const [answer] = await this.runMany([{ query, filters }]);
    if (!answer || 'error' in answer) throw answer?.error ?? new Error('no answer');
    return answer.rows;
  }

  /**
   * Runs a board's queries together: queries reading the same rows the same way (form, groups, time
   * bucket, filter and filters) share one pass over them. Each query gets its rows or its own error.
   */
  async runMany(requests: readonly QueryRequest[]): Promise<QueryAnswer[]> {
    const runs: Run[] = [];
    // Each request's own run and, comparing with a previous date range, that range's run.
    const wanted = requests.map(({ query, filters = {} }) => {
      const main = runs.push({ query, filters }) - 1;
      const before = query.compareWithPrevious ? previousFilters(filters) : undefined;
      return { main, previous: before ? runs.push({ query, filters: before }) - 1 : undefined };
    });
    const ran = await this.runAll(runs);
    return requests.map(({ query }, i): QueryAnswer => {
      const { main, previous } = wanted[i] ?? { main: -1, previous: undefined };
      const rows = ran[main] ?? failed(new Error('not run'));
      if ('error' in rows || !query.compareWithPrevious) return rows;
      if (previous !== undefined) {
        const before = ran[previous] ?? failed(new Error('not run'));
        return 'error' in before ? before : { rows: attachFromPreviousRun(query, rows.rows, before.rows) };
      }
      // Without a date range, each time bucket is compared with the bucket before it.
      if (query.timeBucket) return { rows: attachPreviousBucket(query, rows.rows) };
      return failed(
        new StoreError('invalid', {
          'zh-CN': '与上期对比需要时间分组或看板日期范围',
          en: 'comparing with the previous period needs a time bucket or a dashboard date range',
        }),
      );
    });
  }

  private async runAll(runs: readonly Run[]): Promise<Ran[]> {
    const ran: Ran[] = runs.map(() => failed(new Error('not run')));
    const compiled: CompiledRun[] = [];
    // Where each compiled run's answer goes among `runs` (those that failed to compile have theirs).
    const slot: number[] = [];
    // A board's queries mostly read one form: its layout and fields are looked up once for them all.
    const forms = new Map<string, Promise<SourceForm>>();
    for (const [i, run] of runs.entries()) {
      try {
        const source = run.query.source;
        if (!forms.has(source)) forms.set(source, this.sourceForm(source));
        compiled.push(this.compile(run, await (forms.get(source) as Promise<SourceForm>)));
        slot.push(i);
      } catch (error) {
        ran[i] = failed(error);
      }
    }
    const answer = (at: number, work: () => Ran) => {
      const i = slot[at];
      if (i === undefined) return;
      try {
        ran[i] = work();
      } catch (error) {
        ran[i] = failed(error);
      }
    };
    const rowsOf = (at: number, raw: readonly Row[]): Ran => ({
      rows: this.rowsOf(compiled[at] as CompiledRun, raw),
    });
    const { passes, alone } = sharedPasses(this.db.name, compiled);
    const indexes = new Map<string, readonly IndexColumns[]>();
    for (const [formId, form] of forms)
      indexes.set(formId, (await form.catch(() => undefined))?.indexes ?? []);
    const { families, single } = passFamilies(this.db.name, passes, (formId) => indexes.get(formId) ?? []);
    // Passes computed together (a family) or alone: each member's runs get their views' rows, or its error.
    const answerPasses = async (members: readonly SharedPass[], family?: PassFamily) => {
      const asked = members.map((pass) => ({ plan: pass.plan, views: pass.members.map((m) => m.view) }));
      const answers = await this.answers.answers(this.db, asked, family).catch((error: unknown) => error);
      members.forEach((pass, p) => {
        pass.members.forEach((member, k) => {
          answer(member.run, () =>
            Array.isArray(answers) ? rowsOf(member.run, answers[p]?.[k] ?? []) : failed(answers),
          );
        });
      });
    };
    const work = [
      ...families.map((family) => () => answerPasses(family.members, family)),
      ...single.map((pass) => () => answerPasses([pass])),
      ...alone.map((at) => async () => {
        const statement = aggregateSql((compiled[at] as CompiledRun).compiled.parts);
        const raw = await this.db.query(statement.sql, statement.params).catch((error: unknown) => error);
        answer(at, () => (Array.isArray(raw) ? rowsOf(at, raw) : failed(raw)));
      }),
    ];
    await inTurns(work, this.db.name === 'postgres' ? POSTGRES_READERS : 1);
    return ran;
  }

  /** A form's typed record table and fields: those of the version its table follows. */
  private async sourceForm(formId: string): Promise<SourceForm> {
    const layout = await formLayout(this.db, formId);
    const info = layout ? undefined : await this.definitions.getInfo(formId);
    const version = layout?.formVersion ?? info?.publishedVersion ?? info?.headVersion;
    const definition = await this.definitions.get(formId, version);
    const indexes = layout && this.db.name === 'sqlite' ? await sqliteBoardIndexes(this.db, layout) : [];
    return { layout, index: indexFields((definition.content as unknown as FormDefinition).data), indexes };
  }

  /** Compiles a run against its form. */
  private compile(run: Run, { layout, index }: SourceForm): CompiledRun {
    const { query, filters } = run;
    return {
      query,
      filters,
      compiled: queryParts(this.db.name, query, index, filters, layout),
      index,
      layout,
    };
  }

  /** Result rows by name from the database's aliases, with computed measures. */
  private rowsOf(run: CompiledRun, raw: readonly Row[]): QueryRow[] {
    const rows = raw.map((r) => {
      const row: QueryRow = {};
      for (const column of run.compiled.columns) {
        const value = r[column.alias];
        row[column.name] =
          column.numeric && value !== null && value !== undefined ? Number(value) : (value ?? null);
      }
      return row;
    });
    return this.withComputedMeasures(run.query, rows);
  }

  // Computed measures are formulas over the row's measures: `IFERROR(actual / target, 0)`.
  private withComputedMeasures(query: DashboardQuery, rows: QueryRow[]): QueryRow[] {
    const measureIds = query.measures.filter((m) => 'op' in m).map((m) => m.id);
    const fields = Object.fromEntries(measureIds.map((id) => [id, 'number' as const]));
    for (const measure of query.measures) {
      if (!('formula' in measure)) continue;
      const prepared = prepareFormula(measure.formula, { fields });
      if (!prepared.ok) {
        throw new StoreError('invalid', {
          'zh-CN': `计算指标 ${measure.id} 有误：${prepared.issues[0]?.messages['zh-CN'] ?? ''}`,
          en: `computed measure ${measure.id} is wrong: ${prepared.issues[0]?.messages.en ?? ''}`,
        });
      }
      for (const row of rows) {
        const value = evaluate(prepared.compiled, { data: row });
        row[measure.id] = typeof value === 'number' ? value : null;
        fields[measure.id] = 'number';
      }
    }
    return rows;
  }
}
