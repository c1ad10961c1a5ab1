import type { TypeName } from '@formboard/formula';
import { type FieldIndex, tableOf } from './fieldIndex.ts';

/**
 * The field types a formula of a form sees, looked up in the form's index instead of copied out of it
 * (a lookup for @formboard/formula's `check`). `key` names the scope: '' for the record, the table's
 * path for the formulas of a table column, which run once per row.
 */
export interface FieldScope {
  readonly key: string;
  get(path: string): TypeName | undefined;
  keys(): Iterable<string>;
}

/** Every scalar path and table column of the record (the lookup form of `formulaFieldTypes`). */
export function recordScope(index: FieldIndex): FieldScope {
  return {
    key: '',
    get: (path) => {
      const field = index.fields.get(path);
      return field && field.kind !== 'group' ? field.formulaType : undefined;
    },
    *keys() {
      for (const [path, field] of index.fields) if (field.kind !== 'group') yield path;
    },
  };
}

/**
 * What a formula of a column of `table` sees (the lookup form of `fieldTypesFor`): that row's cells by
 * their plain names (`weight`), over every field of the record (`kpis[].weight` is the whole column).
 */
export function rowScope(index: FieldIndex, table: string, record: FieldScope): FieldScope {
  const prefix = `${table}[].`;
  return {
    key: table,
    get: (name) => {
      const cell = index.fields.get(prefix + name);
      return cell && cell.kind !== 'group' ? cell.formulaType : record.get(name);
    },
    // The record's paths first, then the cells' names that are not also record paths.
    *keys() {
      yield* record.keys();
      for (const [path, field] of index.fields) {
        if (!path.startsWith(prefix) || field.kind === 'group') continue;
        const name = path.slice(prefix.length);
        if (record.get(name) === undefined) yield name;
      }
    },
  };
}

/** A scope as a plain table, for `compile` and for callers that want every type at once. */
function tableOfScope(scope: FieldScope): Record<string, TypeName> {
  const types: Record<string, TypeName> = {};
  for (const path of scope.keys()) types[path] = scope.get(path) as TypeName;
  return types;
}

/** Field types for @formboard/formula's `check` and `compile`: every scalar path and table column. */
export function formulaFieldTypes(index: FieldIndex): Record<string, TypeName> {
  return tableOfScope(recordScope(index));
}

/**
 * Field types for a formula computing or guarding `target`. Formulas of a table column run once per
 * row and see that row's cells by their plain names (`weight * MIN(actual / target, 1.2)`), on top of
 * every field of the record (`kpis[].weight` is still the whole column).
 */
export function fieldTypesFor(index: FieldIndex, target: string): Record<string, TypeName> {
  const record = recordScope(index);
  const table = tableOf(target);
  return tableOfScope(table === undefined ? record : rowScope(index, table, record));
}
