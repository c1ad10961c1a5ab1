import { isReservedWord, type TypeName, typeName } from '@formboard/formula';
import type { FieldIndex } from '../fields/fieldIndex.ts';
import type { DashboardQuery } from '../schemas/dashboardQuery.ts';
import type { Report } from '../validate/issues.ts';
import { checkFilterFormula, checkTimeZone, isScalar, sourceField } from './checkDashboardSources.ts';
import { checkFormula } from './checkFormula.ts';

/** What the rest of the widget checks need to know about a query once it is checked. */
export interface QueryKeys {
  readonly measures: ReadonlySet<string>;
  /** groupBy fields and the time bucket's field: the keys a result row is identified by. */
  readonly dimensions: ReadonlySet<string>;
}

/** The dashboard filters a query may be narrowed by: ids, and per id the source forms it binds. */
export type FilterBindings = ReadonlyMap<string, { type: string; forms: ReadonlySet<string> }>;

/**
 * Checks one widget query: measure ids, fields and their aggregatable types against the source form
 * (when `index` is given), computed-measure formulas, the filter formula, sort keys, time bucket,
 * filter opt-outs and the time basis of period comparison.
 */
export function checkDashboardQuery(
  query: DashboardQuery,
  at: string,
  index: FieldIndex | undefined,
  filters: FilterBindings,
  report: Report,
): QueryKeys {
  const dimensions = new Set(query.groupBy ?? []);
  if (query.timeBucket) dimensions.add(query.timeBucket.field);
  const measures = checkMeasures(query, at, index, dimensions, report);

  if (index) checkFields(query, at, index, report);
  if (query.filter !== undefined) checkFilterFormula(query.filter, `${at}/filter`, index, report);
  checkTimeZone(query.timeBucket?.timeZone, `${at}/timeBucket/timeZone`, report);

  (query.sort ?? []).forEach((key, i) => {
    if (measures.has(key.by) || dimensions.has(key.by)) return;
    report(
      `${at}/sort/${i}/by`,
      'dashboard.unknownSortKey',
      {
        'zh-CN': `排序依据 ${key.by} 不是此查询的指标或分组字段`,
        en: `sort key ${key.by} is neither a measure nor a groupBy field of this query`,
      },
      key.by,
    );
  });

  const ignored = new Set(query.ignoreFilters ?? []);
  (query.ignoreFilters ?? []).forEach((id, i) => {
    if (filters.has(id)) return;
    report(
      `${at}/ignoreFilters/${i}`,
      'dashboard.unknownFilter',
      { 'zh-CN': `看板没有筛选器 ${id}`, en: `the dashboard has no filter ${id}` },
      id,
    );
  });

  if (query.compareWithPrevious && !query.timeBucket) {
    const dated = [...filters].some(
      ([id, f]) => f.type === 'dateRange' && f.forms.has(query.source) && !ignored.has(id),
    );
    if (!dated) {
      report(`${at}/compareWithPrevious`, 'dashboard.compareNeedsTime', {
        'zh-CN': '与上期对比需要时间粒度，或作用于此来源表单的日期范围筛选器',
        en: 'comparing with the previous period needs a time bucket or a date-range filter bound to this source form',
      });
    }
  }
  return { measures, dimensions };
}

function checkMeasures(
  query: DashboardQuery,
  at: string,
  index: FieldIndex | undefined,
  dimensions: ReadonlySet<string>,
  report: Report,
): Set<string> {
  const all: Record<string, TypeName> = {};
  for (const measure of query.measures) all[measure.id] = 'number';
  const earlier = new Set<string>();
  query.measures.forEach((measure, i) => {
    const mAt = `${at}/measures/${i}`;
    if (earlier.has(measure.id) || dimensions.has(measure.id)) {
      report(
        `${mAt}/id`,
        'dashboard.duplicateMeasure',
        {
          'zh-CN': `指标 id ${measure.id} 与此查询的另一指标或分组字段重名`,
          en: `measure id ${measure.id} is already used by another measure or groupBy field of this query`,
        },
        measure.id,
      );
    } else if (isReservedWord(measure.id)) {
      report(
        `${mAt}/id`,
        'dashboard.reservedId',
        {
          'zh-CN': `${measure.id} 是公式保留字，不能作为指标 id`,
          en: `${measure.id} is a formula keyword and cannot be a measure id`,
        },
        measure.id,
      );
    }
    if ('formula' in measure) {
      const checked = checkFormula(measure.formula, `${mAt}/formula`, all, report);
      if (checked) checkComputed(measure, checked, earlier, `${mAt}/formula`, report);
    } else if (index && measure.field !== undefined) {
      checkAggregate(measure.op, measure.field, `${mAt}/field`, index, report);
    } else if (measure.field === undefined && measure.op !== 'count') {
      report(`${mAt}/field`, 'dashboard.fieldRequired', {
        'zh-CN': `${measure.op} 需要指定字段；不指定字段时只能计数（count）`,
        en: `${measure.op} needs a field; only count works without one`,
      });
    }
    earlier.add(measure.id);
  });
  return earlier;
}

function checkComputed(
  measure: { id: string; formula: string },
  checked: NonNullable<ReturnType<typeof checkFormula>>,
  earlier: ReadonlySet<string>,
  at: string,
  report: Report,
): void {
  const later = checked.dependencies.filter((d) => !d.startsWith('$') && !earlier.has(d));
  if (later.length > 0) {
    report(
      at,
      'dashboard.measureOrder',
      {
        'zh-CN': `计算指标 ${measure.id} 只能引用排在它前面的指标，不能引用 ${later.join('、')}`,
        en: `computed measure ${measure.id} may only read measures listed before it, not ${later.join(', ')}`,
      },
      later,
    );
  }
  const kind = checked.type.kind;
  if (kind !== 'number' && kind !== 'any' && kind !== 'blank') {
    report(
      at,
      'dashboard.computedNotNumber',
      {
        'zh-CN': `计算指标应返回数字，实际返回${typeName(checked.type)}`,
        en: `a computed measure must give a number, not ${typeName(checked.type)}`,
      },
      measure.formula,
    );
  }
}

function checkAggregate(op: string, path: string, at: string, index: FieldIndex, report: Report): void {
  const field = sourceField(index, path, at, report);
  if (!field) return;
  const numeric = op === 'sum' || op === 'avg' || op === 'min' || op === 'max';
  const ok = numeric ? field.kind === 'number' : isScalar(field) || field.kind === 'multiSelect';
  if (ok) return;
  report(
    at,
    'dashboard.notAggregatable',
    numeric
      ? {
          'zh-CN': `${op} 只能用于数字字段，${path} 不是数字`,
          en: `${op} needs a number field; ${path} is not a number`,
        }
      : {
          'zh-CN': `${path} 是表格或分组，不能计数；请选择其中的字段`,
          en: `${path} is a table or group and cannot be counted; choose one of its fields`,
        },
    path,
  );
}

function checkFields(query: DashboardQuery, at: string, index: FieldIndex, report: Report): void {
  (query.groupBy ?? []).forEach((path, i) => {
    const field = sourceField(index, path, `${at}/groupBy/${i}`, report);
    if (field && !isScalar(field)) {
      report(
        `${at}/groupBy/${i}`,
        'dashboard.notGroupable',
        {
          'zh-CN': `${path} 不是单值字段，不能用于分组`,
          en: `${path} does not hold a single value and cannot be grouped by`,
        },
        path,
      );
    }
  });
  const bucket = query.timeBucket;
  if (bucket) {
    const field = sourceField(index, bucket.field, `${at}/timeBucket/field`, report);
    if (field && field.formulaType !== 'date') {
      report(
        `${at}/timeBucket/field`,
        'dashboard.notADate',
        {
          'zh-CN': `时间粒度需要日期或日期时间字段，${bucket.field} 不是`,
          en: `a time bucket needs a date or date-time field; ${bucket.field} is not one`,
        },
        bucket.field,
      );
    }
  }
  checkOneTable(query, at, index, report);
}

// A query over table columns runs over that table's rows; two tables at once have no row to share.
function checkOneTable(query: DashboardQuery, at: string, index: FieldIndex, report: Report): void {
  const used: [string, string][] = (query.groupBy ?? []).map((path, i) => [path, `${at}/groupBy/${i}`]);
  if (query.timeBucket) used.push([query.timeBucket.field, `${at}/timeBucket/field`]);
  query.measures.forEach((m, i) => {
    if ('field' in m && m.field !== undefined) used.push([m.field, `${at}/measures/${i}/field`]);
  });
  let table: string | undefined;
  for (const [path, pathAt] of used) {
    if (!index.fields.get(path)?.inTable) continue;
    const owner = path.slice(0, path.indexOf('[]'));
    if (table === undefined) table = owner;
    else if (owner !== table) {
      report(
        pathAt,
        'dashboard.mixedTables',
        {
          'zh-CN': `一个查询只能使用一个表格的列：${table} 与 ${owner}`,
          en: `one query can use the columns of one table only: ${table} and ${owner}`,
        },
        path,
      );
    }
  }
}
