import { type CompiledFormula, prepareFormula } from '@formboard/formula';
import { type FieldIndex, type FormDefinition, formulaFieldTypes, indexFields } from '@formboard/schema';
import type { DefinitionVersion } from '../definitions/types.ts';
import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import { fieldValueSql, type SqlPart } from '../queries/fieldSql.ts';
import { formulaToSql } from '../queries/formulaToSql.ts';

/** A `records.list` filter: the checked formula, and its SQL when it has one. */
export interface ListFilter {
  readonly formula: CompiledFormula;
  /** Set when the formula stays within what compiles to SQL: then the database filters and pages. */
  readonly sql: SqlPart | undefined;
}

/** The SQL of a filter over the record's own fields (not table columns or multi-selects), if it has one. */
function filterSql(dialect: Dialect['name'], source: string, index: FieldIndex): SqlPart | undefined {
  try {
    return formulaToSql(source, dialect, (path) => {
      const info = index.fields.get(path);
      if (!info || info.inTable) return undefined;
      if (info.kind !== 'string' && info.kind !== 'number' && info.kind !== 'boolean') return undefined;
      const document = { document: 'records.data', segments: path.split('.') };
      return { expression: fieldValueSql(dialect, document, info.kind), numeric: info.kind === 'number' };
    });
  } catch {
    return undefined;
  }
}

/** Checks a list filter against the form's fields (head version) and compiles it; throws when it is wrong. */
export function listFilter(dialect: Dialect['name'], form: DefinitionVersion, source: string): ListFilter {
  const index = indexFields((form.content as unknown as FormDefinition).data);
  const prepared = prepareFormula(source, { fields: formulaFieldTypes(index) });
  if (!prepared.ok) {
    const first = prepared.issues[0];
    throw new StoreError('invalid', {
      'zh-CN': `筛选公式有误：${first?.messages['zh-CN'] ?? ''}`,
      en: `the filter formula is wrong: ${first?.messages.en ?? ''}`,
    });
  }
  return { formula: prepared.compiled, sql: filterSql(dialect, source, index) };
}
