import { evaluate, prepareFormula } from '@formboard/formula';
import { type DashboardQuery, type FormDefinition, indexFields } from '@formboard/schema';
import type { DefinitionStore } from '../definitions/DefinitionStore.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { formLayout } from '../layout/formLayouts.ts';
import { compileQuery, type QueryFilters } from './compileQuery.ts';
import { attachFromPreviousRun, attachPreviousBucket, previousFilters } from './previousPeriod.ts';

/** One result row: group fields and bucket by their path, measures by their id. */
export type QueryRow = Record<string, unknown>;

/** Runs dashboard queries in the database: aggregation happens in SQL, never over all rows in JavaScript. */
export class QueryRunner {
  constructor(
    private readonly db: Dialect,
    private readonly definitions: DefinitionStore,
  ) {}

  /** Runs a widget's query with the dashboard's filters (and the caller's record scope in `filters`). */
  async run(query: DashboardQuery, filters: QueryFilters = {}): Promise<QueryRow[]> {
    const rows = await this.runOnce(query, filters);
    if (!query.compareWithPrevious) return rows;
    // With a dashboard date range, the previous period is the same length just before it; otherwise
    // each time bucket is compared with the bucket before it.
    const before = previousFilters(filters);
    if (before) return attachFromPreviousRun(query, rows, await this.runOnce(query, before));
    if (query.timeBucket) return attachPreviousBucket(query, rows);
    throw new StoreError('invalid', {
      'zh-CN': '与上期对比需要时间分组或看板日期范围',
      en: 'comparing with the previous period needs a time bucket or a dashboard date range',
    });
  }

  private async runOnce(query: DashboardQuery, filters: QueryFilters): Promise<QueryRow[]> {
    // The typed record table follows the published version; its fields are the ones the query sees.
    const layout = await formLayout(this.db, query.source);
    const info = layout ? undefined : await this.definitions.getInfo(query.source);
    const version = layout?.formVersion ?? info?.publishedVersion ?? info?.headVersion;
    const definition = await this.definitions.get(query.source, version);
    const index = indexFields((definition.content as unknown as FormDefinition).data);
    const compiled = compileQuery(this.db.name, query, index, filters, layout);
    const raw = await this.db.query(compiled.sql, compiled.params);
    const rows = raw.map((r) => {
      const row: QueryRow = {};
      for (const column of compiled.columns) {
        const value = r[column.alias];
        row[column.name] =
          column.numeric && value !== null && value !== undefined ? Number(value) : (value ?? null);
      }
      return row;
    });
    return this.withComputedMeasures(query, rows);
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
