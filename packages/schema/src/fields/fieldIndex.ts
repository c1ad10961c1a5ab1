import type { TypeName } from '@formboard/formula';
import type { DataSchema, RowSchema } from '../schemas/dataSchema.ts';
import type { LocalizedText } from '../schemas/localizedText.ts';
import { pointerSegment } from '../validate/issues.ts';
import type { KeysOf } from '../validate/schemaWalk.ts';

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

/**
 * What one field schema added to an index, kept between validations of an edited form: reused when
 * the same schema object sits at the same place again (same name, parent, table, required flag and
 * `$defs`), so an edit re-indexes only the fields it touched.
 */
export interface IndexedField {
  /** The property name, the parent's path ('' at the root) and the parent's pointer. */
  readonly key: string;
  readonly prefix: string;
  readonly parentAt: string;
  readonly inTable: boolean;
  readonly required: boolean;
  readonly defs: object;
  readonly fields: readonly FieldInfo[];
  readonly problems: readonly FieldIndexProblem[];
}

/** Entries of `IndexedField` by field schema object; only for immutable definitions. */
export type FieldIndexMemo = WeakMap<object, IndexedField>;

/**
 * A FieldInfo as `indexFields` makes it: a class rather than an object literal because of how V8 places
 * new objects. It allocates straight into the old generation from the code sites whose objects tend to
 * outlive their first garbage collections; the memoizing validator keeps the fields it indexed, so a
 * literal's site would be such a site, and the fields of every cold validation in the same process
 * (garbage after the call) would go there too. Objects made with `new` are not placed that way.
 */
class IndexedFieldInfo implements FieldInfo {
  declare title?: LocalizedText;
  declare format?: string;
  declare options?: readonly (string | number)[];

  constructor(
    readonly path: string,
    readonly kind: FieldKind,
    readonly formulaType: TypeName,
    readonly inTable: boolean,
    readonly required: boolean,
    readonly pointer: string,
    readonly schema: AnySchema,
  ) {}
}

// Every FieldInfo gets its properties in one order, optional ones last (and only when set).
function fieldInfo(
  path: string,
  kind: FieldKind,
  formulaType: TypeName,
  schema: AnySchema,
  at: string,
  inTable: boolean,
  required: boolean,
  optionsFrom?: AnySchema,
): FieldInfo {
  const info = new IndexedFieldInfo(path, kind, formulaType, inTable, required, at, schema);
  const title = schema.title as LocalizedText | undefined;
  if (title !== undefined) info.title = title;
  const format = schema.format as string | undefined;
  if (kind === 'string' && format) info.format = format;
  const options = optionsFrom && optionsOf(optionsFrom);
  if (options) info.options = options;
  return info;
}

/**
 * Builds the index of a data schema's paths (`data` of a FormDefinition). `keysOf` lists an object's
 * keys (validation passes the keys its walk already read).
 */
export function indexFields(
  data: DataSchema,
  basePointer = '/data',
  memo?: FieldIndexMemo,
  keysOf: KeysOf = Object.keys,
): FieldIndex {
  return new FieldIndexer(data, memo, keysOf).run(basePointer);
}

/**
 * The walk behind `indexFields`, its steps as methods rather than closures made per call. With a memo,
 * a field schema object indexed at the same place before adds what it added then; the place is
 * compared by its parts, so a reused field costs no string building.
 */
class FieldIndexer {
  private readonly list: FieldInfo[] = [];
  private readonly problems: FieldIndexProblem[] = [];
  private readonly defs: Readonly<Record<string, AnySchema>>;

  constructor(
    private readonly data: DataSchema,
    private readonly memo: FieldIndexMemo | undefined,
    private readonly keysOf: KeysOf,
  ) {
    this.defs = (data.$defs ?? {}) as Readonly<Record<string, AnySchema>>;
  }

  run(basePointer: string): FieldIndex {
    this.addObject('', this.data as unknown as RowSchema, basePointer, false);
    const fields = new Map<string, FieldInfo>();
    for (const field of this.list) fields.set(field.path, field);
    return { fields, problems: this.problems };
  }

  private resolve(schema: AnySchema, at: string, want: 'row' | 'field'): AnySchema | undefined {
    if (typeof schema.$ref !== 'string') return schema;
    const { defs, problems } = this;
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
  }

  private addField(path: string, raw: AnySchema, at: string, inTable: boolean, required: boolean): void {
    const schema = this.resolve(raw, at, 'field');
    if (!schema) return;
    const { list } = this;
    switch (schema.type) {
      case 'string': {
        const isDate = schema.format === 'date' || schema.format === 'date-time';
        list.push(
          fieldInfo(path, 'string', isDate ? 'date' : 'string', schema, at, inTable, required, schema),
        );
        return;
      }
      case 'number':
      case 'integer':
        list.push(fieldInfo(path, 'number', 'number', schema, at, inTable, required, schema));
        return;
      case 'boolean':
        list.push(fieldInfo(path, 'boolean', 'boolean', schema, at, inTable, required));
        return;
      case 'array': {
        const items = schema.items as AnySchema;
        if (!isTable(schema)) {
          list.push(fieldInfo(path, 'multiSelect', 'string[]', schema, at, inTable, required, items));
          return;
        }
        list.push(fieldInfo(path, 'table', 'any', schema, at, inTable, required));
        const row = this.resolve(items, `${at}/items`, 'row') as RowSchema | undefined;
        if (row) this.addObject(`${path}[]`, row, `${at}/items`, true);
        return;
      }
      case 'object':
        list.push(fieldInfo(path, 'group', 'any', schema, at, inTable, required));
        this.addObject(path, schema as RowSchema, at, inTable);
        return;
      default:
        return;
    }
  }

  private addObject(prefix: string, object: RowSchema, at: string, inTable: boolean): void {
    const { list, problems, memo, defs } = this;
    const required = new Set(object.required);
    // The keys as an array, each value read by key: faster than for…in on objects with many keys, and
    // than Object.values on the hash-table objects JSON.parse makes of them (CONTEXT.md, "Big maps").
    const { properties } = object;
    const keys = this.keysOf(properties);
    // The fields' pointers share this start (one string instead of one per field).
    const propertiesAt = `${at}/properties/`;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const raw = properties[key] as AnySchema;
      const isRequired = required.has(key);
      const known = memo?.get(raw);
      if (
        known &&
        known.key === key &&
        known.prefix === prefix &&
        known.parentAt === at &&
        known.inTable === inTable &&
        known.required === isRequired &&
        known.defs === defs
      ) {
        for (const field of known.fields) list.push(field);
        for (const problem of known.problems) problems.push(problem);
        continue;
      }
      const firstField = list.length;
      const firstProblem = problems.length;
      const path = prefix ? `${prefix}.${key}` : key;
      this.addField(path, raw, propertiesAt + pointerSegment(key), inTable, isRequired);
      memo?.set(raw, {
        key,
        prefix,
        parentAt: at,
        inTable,
        required: isRequired,
        defs,
        fields: list.slice(firstField),
        problems: problems.slice(firstProblem),
      });
    }
  }
}

function isTable(schema: AnySchema): boolean {
  const items = schema.items as AnySchema | undefined;
  return items !== undefined && (items.type === 'object' || typeof items.$ref === 'string');
}

function withoutRef(schema: AnySchema): AnySchema {
  const { $ref: _ref, ...rest } = schema;
  return rest;
}

/** The table a column path belongs to: "kpis[].weight" → "kpis"; undefined for other paths. */
export function tableOf(path: string): string | undefined {
  const split = path.indexOf('[]');
  return split === -1 ? undefined : path.slice(0, split);
}

/** A dependency of a row formula as a record path: "weight" in a "kpis[]" formula → "kpis[].weight". */
export function qualifyDependency(dependency: string, target: string, index: FieldIndex): string {
  const table = tableOf(target);
  if (table === undefined || dependency.startsWith('$')) return dependency;
  const inRow = `${table}[].${dependency}`;
  return index.fields.has(inRow) ? inRow : dependency;
}
