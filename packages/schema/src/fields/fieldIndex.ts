import type { TypeName } from '@formboard/formula';
import type { DataSchema, RowSchema } from '../schemas/dataSchema.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import { pointer } from '../validate/issues.ts';

/** What kind of value a data path holds. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'multiSelect' | 'table' | 'group';

/** One data path of a form, as formulas, layouts and queries see it. */
export interface FieldInfo {
  /** Formula-syntax path: `score`, `owner.name`, `keyResults`, `keyResults[].progress`. */
  readonly path: string;
  readonly kind: FieldKind;
  /** Type for @formboard/formula: "number", "date", "string[]"… (a table column's element type). */
  readonly formulaType: TypeName;
  /** String format (date, date-time, email, uri, user, org-unit, record) when there is one. */
  readonly format?: string;
  /** Allowed values of choice fields. */
  readonly options?: readonly (string | number)[];
  readonly title?: LocalizedText;
  /** True for the columns of repeating tables (paths with `[]`). */
  readonly inTable: boolean;
  /** Whether the value is required in its object. */
  readonly required: boolean;
  /** JSON pointer of the field's schema inside the form definition. */
  readonly pointer: string;
  /** The field's own schema (after $ref resolution). */
  readonly schema: Readonly<Record<string, unknown>>;
}

type AnySchema = Readonly<Record<string, unknown>>;

/** A problem met while indexing: a $ref that points nowhere or at the wrong kind of definition. */
export interface FieldIndexProblem {
  readonly pointer: string;
  readonly ref: string;
  readonly reason: 'missing' | 'notARow' | 'notAField';
}

/** Every data path of a form's data schema, in document order, with $refs resolved. */
export interface FieldIndex {
  readonly fields: ReadonlyMap<string, FieldInfo>;
  readonly problems: readonly FieldIndexProblem[];
}

function optionsOf(schema: AnySchema): (string | number)[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as (string | number)[];
  if (Array.isArray(schema.oneOf)) return (schema.oneOf as { const: string | number }[]).map((o) => o.const);
  return undefined;
}

/** Builds the index of a data schema's paths (`data` of a FormDefinition). */
export function indexFields(data: DataSchema, basePointer = '/data'): FieldIndex {
  const fields = new Map<string, FieldInfo>();
  const problems: FieldIndexProblem[] = [];
  const defs = (data.$defs ?? {}) as Readonly<Record<string, AnySchema>>;

  const resolve = (schema: AnySchema, at: string, want: 'row' | 'field'): AnySchema | undefined => {
    if (typeof schema.$ref !== 'string') return schema;
    const name = schema.$ref.slice('#/$defs/'.length);
    const target = Object.hasOwn(defs, name) ? defs[name] : undefined;
    if (!target) {
      problems.push({ pointer: at, ref: schema.$ref, reason: 'missing' });
      return undefined;
    }
    const isRow = target.type === 'object';
    if (want === 'row' && !isRow) problems.push({ pointer: at, ref: schema.$ref, reason: 'notARow' });
    if (want === 'field' && isRow) problems.push({ pointer: at, ref: schema.$ref, reason: 'notAField' });
    return (want === 'row') === isRow ? { ...target, ...withoutRef(schema) } : undefined;
  };

  const add = (path: string, raw: AnySchema, at: string, inTable: boolean, required: boolean): void => {
    const schema = resolve(raw, at, 'field');
    if (!schema) return;
    const title = schema.title as LocalizedText | undefined;
    const common = {
      path,
      inTable,
      required,
      pointer: at,
      schema,
      ...(title === undefined ? {} : { title }),
    };
    switch (schema.type) {
      case 'string': {
        const format = schema.format as string | undefined;
        const isDate = format === 'date' || format === 'date-time';
        fields.set(path, {
          ...common,
          kind: 'string',
          formulaType: isDate ? 'date' : 'string',
          ...(format ? { format } : {}),
          ...optionalOptions(schema),
        });
        return;
      }
      case 'number':
      case 'integer':
        fields.set(path, { ...common, kind: 'number', formulaType: 'number', ...optionalOptions(schema) });
        return;
      case 'boolean':
        fields.set(path, { ...common, kind: 'boolean', formulaType: 'boolean' });
        return;
      case 'array': {
        const items = schema.items as AnySchema;
        if (!isTable(schema)) {
          fields.set(path, {
            ...common,
            kind: 'multiSelect',
            formulaType: 'string[]',
            ...optionalOptions(items),
          });
          return;
        }
        fields.set(path, { ...common, kind: 'table', formulaType: 'any' });
        const row = resolve(items, `${at}/items`, 'row') as RowSchema | undefined;
        if (row) addObject(`${path}[]`, row, `${at}/items`, true);
        return;
      }
      case 'object':
        fields.set(path, { ...common, kind: 'group', formulaType: 'any' });
        addObject(path, schema as RowSchema, at, inTable);
        return;
      default:
        return;
    }
  };

  const addObject = (prefix: string, object: RowSchema, at: string, inTable: boolean): void => {
    const required = new Set(object.required ?? []);
    for (const [key, child] of Object.entries(object.properties)) {
      add(
        prefix ? `${prefix}.${key}` : key,
        child as AnySchema,
        `${at}${pointer('properties', key)}`,
        inTable,
        required.has(key),
      );
    }
  };

  addObject('', data as unknown as RowSchema, basePointer, false);
  return { fields, problems };
}

function isTable(schema: AnySchema): boolean {
  const items = schema.items as AnySchema | undefined;
  return items !== undefined && (items.type === 'object' || typeof items.$ref === 'string');
}

function withoutRef(schema: AnySchema): AnySchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

function optionalOptions(schema: AnySchema): { options?: (string | number)[] } {
  const options = optionsOf(schema);
  return options ? { options } : {};
}

/** Field types for @formboard/formula's `check` and `compile`: every scalar path and table column. */
export function formulaFieldTypes(index: FieldIndex): Record<string, TypeName> {
  const types: Record<string, TypeName> = {};
  for (const [path, info] of index.fields) {
    if (info.kind !== 'group') types[path] = info.formulaType;
  }
  return types;
}

/** The table a column path belongs to: "kpis[].weight" → "kpis"; undefined for other paths. */
export function tableOf(path: string): string | undefined {
  const split = path.indexOf('[]');
  return split === -1 ? undefined : path.slice(0, split);
}

/**
 * Field types for a formula computing or guarding `target`. Formulas of a table column run once per
 * row and see that row's cells by their plain names (`weight * MIN(actual / target, 1.2)`), on top of
 * every field of the record (`kpis[].weight` is still the whole column).
 */
export function fieldTypesFor(index: FieldIndex, target: string): Record<string, TypeName> {
  const types = formulaFieldTypes(index);
  const table = tableOf(target);
  if (table === undefined) return types;
  const prefix = `${table}[].`;
  for (const [path, info] of index.fields) {
    if (path.startsWith(prefix) && info.kind !== 'group') types[path.slice(prefix.length)] = info.formulaType;
  }
  return types;
}

/** A dependency of a row formula as a record path: "weight" in a "kpis[]" formula → "kpis[].weight". */
export function qualifyDependency(dependency: string, target: string, index: FieldIndex): string {
  const table = tableOf(target);
  if (table === undefined || dependency.startsWith('$')) return dependency;
  const inRow = `${table}[].${dependency}`;
  return index.fields.has(inRow) ? inRow : dependency;
}
