import type { LocalizedText } from '../schemas/localizedText.ts';
import { pointer } from '../validate/issues.ts';
import { convertMultiSelect, convertScalar, isLocalizedText, takeAnnotations } from './convertScalar.ts';
import type { FieldTree, TreeField } from './FieldTree.ts';
import { KeyAllocator } from './fieldKeys.ts';
import type { ImportNotes } from './ImportNotes.ts';
import {
  isObject,
  type JsonObject,
  type Located,
  type NormalizedSchema,
  normalizeSchema,
  type SourceSchema,
} from './normalizeSchema.ts';
import type { Origins } from './Origins.ts';
import { SchemaDefinitions } from './SchemaDefinitions.ts';
import { noteDroppedField, SchemaKeywords } from './SchemaKeywords.ts';
import { schemaType } from './schemaType.ts';

/** A conditional requirement found in an object: `if`/`then`/`else`, or `dependentRequired`. */
export type SchemaConditional =
  | {
      readonly kind: 'if';
      /** The object's members, to resolve the property names the condition and `required` use. */
      readonly members: readonly TreeField[];
      /** `if` */
      readonly condition: Located;
      /** `then` */
      readonly whenTrue?: Located;
      /** `else` */
      readonly whenFalse?: Located;
    }
  | { readonly kind: 'dependentRequired'; readonly members: readonly TreeField[]; readonly entry: Located };

/** A source JSON Schema converted to Formboard's data schema subset. */
export interface ConvertedData {
  /** The data schema; undefined when the source has no usable fields at all. */
  readonly data: JsonObject | undefined;
  /** Where each source property landed. */
  readonly tree: FieldTree;
  /** Conditional requirements, for the importer to turn into required rules. */
  readonly conditionals: readonly SchemaConditional[];
}

type Level = 'root' | 'group' | 'row';

/** A converted property: its key, its schema in the imported data, and its place in the field tree. */
interface Placed {
  readonly key: string;
  readonly schema: JsonObject;
  readonly field: TreeField;
}

/** Where the members of an object go: a real object, or (for flattened objects) the enclosing one. */
interface ObjectTarget {
  readonly level: Level;
  /** Prefix of the members' data paths: '', 'owner.', 'kpis[].'. */
  readonly pathPrefix: string;
  /** Prefix of the members' keys: '' for a real object, 'customer_' for members lifted out of `customer`. */
  readonly keyPrefix: string;
  readonly keys: KeyAllocator;
  readonly properties: JsonObject;
  readonly required: string[];
  /** Pointer of the object's schema in the imported definition. */
  readonly dataAt: string;
  readonly readOnly: boolean;
  /** The `$ref`s followed to reach this object, so a reference back to one of them is not followed again. */
  readonly stack: readonly string[];
}

class Converter {
  readonly source: SourceSchema;
  readonly notes: ImportNotes;
  readonly origins: Origins;
  readonly definitions: SchemaDefinitions;
  readonly conditionals: SchemaConditional[] = [];

  constructor(root: unknown, notes: ImportNotes, origins: Origins) {
    this.source = { root, notes, usedRefs: new Set() };
    this.notes = notes;
    this.origins = origins;
    this.definitions = new SchemaDefinitions(this.source, origins);
  }

  convert(): ConvertedData {
    const norm = normalizeSchema(this.source.root, '', this.source, ['']);
    if (!norm) {
      this.notes.schema('', 'error', 'schema.notObject', {
        'zh-CN': '数据结构应为 JSON Schema 对象',
        en: 'the schema must be a JSON Schema object',
      });
      return { data: undefined, tree: { children: [] }, conditionals: [] };
    }
    const kw = new SchemaKeywords(norm);
    kw.take('definitions');
    kw.take('$defs');
    const out: JsonObject = { type: 'object' };
    let tree: FieldTree;
    if (schemaType(norm, kw, undefined) === 'object') {
      takeAnnotations(kw, out, this.notes);
      const children = this.object(norm, kw, out, this.target('root', '', '/data', false));
      kw.dropRest(this.notes);
      tree = { children };
    } else {
      this.notes.schema('', 'changed', 'root.wrapped', {
        'zh-CN': '根结构不是对象：导入为对象中的一个字段 value',
        en: 'the root is not an object; it was imported as the single field value of an object',
      });
      const target = this.target('root', '', '/data', false);
      const placed = this.property(this.source.root, '', 'value', target);
      if (placed) target.properties[placed.key] = placed.schema;
      tree = placed ? { children: [placed.field], wrapped: placed.field } : { children: [] };
      out.properties = target.properties;
    }
    this.definitions.noteUnused();
    if (Object.keys(this.definitions.defs).length > 0) out.$defs = this.definitions.defs;
    const usable = tree.children.length > 0;
    if (!usable) {
      this.notes.schema('', 'error', 'schema.noFields', {
        'zh-CN': '没有可以导入的字段',
        en: 'there are no fields that can be imported',
      });
    }
    return { data: usable ? out : undefined, tree, conditionals: this.conditionals };
  }

  /** A fresh object to convert members into. */
  target(level: Level, pathPrefix: string, dataAt: string, readOnly: boolean): ObjectTarget {
    return {
      level,
      pathPrefix,
      keyPrefix: '',
      keys: new KeyAllocator(),
      properties: {},
      required: [],
      dataAt,
      readOnly,
      stack: [''],
    };
  }

  /**
   * Converts the members of an object and its `required` into `target`, and writes them into `out`
   * (a real object's schema; omitted for flattened objects, whose members go to the enclosing one).
   */
  object(
    norm: NormalizedSchema,
    kw: SchemaKeywords,
    out: JsonObject | undefined,
    target: ObjectTarget,
  ): TreeField[] {
    const keys = target.keyPrefix === '' ? new KeyAllocator(norm.properties.keys()) : target.keys;
    const into = { ...target, keys, stack: [...norm.refs] };
    const members: TreeField[] = [];
    for (const [name, entry] of norm.properties) {
      const placed = this.property(entry.value, entry.at, name, into);
      if (!placed) continue;
      members.push(placed.field);
      if (placed.field.kind !== 'flattened') into.properties[placed.key] = placed.schema;
    }
    for (const entry of norm.required) {
      const member = members.find((m) => m.sourceKey === entry.value);
      if (member && member.kind !== 'flattened') into.required.push(member.key);
      else if (!norm.properties.has(entry.value)) {
        this.notes.schema(entry.at, 'dropped', 'required.unknown', {
          'zh-CN': `required 中的 ${entry.value} 不是已定义的属性，未导入`,
          en: `required names ${entry.value}, which is not a defined property; not imported`,
        });
      }
    }
    if (out) {
      out.properties = into.properties;
      if (into.required.length > 0) out.required = into.required;
    }
    if (target.level !== 'row' && target.keyPrefix === '') this.takeConditionals(kw, members);
    return members;
  }

  takeConditionals(kw: SchemaKeywords, members: readonly TreeField[]): void {
    const ifEntry = kw.has('if') ? kw.take('if') : undefined;
    if (ifEntry) {
      const thenEntry = kw.take('then');
      const elseEntry = kw.take('else');
      this.conditionals.push({
        kind: 'if',
        members,
        condition: ifEntry,
        ...(thenEntry ? { whenTrue: thenEntry } : {}),
        ...(elseEntry ? { whenFalse: elseEntry } : {}),
      });
    }
    for (const keyword of ['dependentRequired', 'dependencies']) {
      const entry = kw.has(keyword) ? kw.take(keyword) : undefined;
      if (entry) this.conditionals.push({ kind: 'dependentRequired', members, entry });
    }
  }

  /** Converts one property; undefined (with a note) when it cannot be imported. */
  property(raw: unknown, at: string, sourceKey: string, target: ObjectTarget): Placed | undefined {
    const placed = this.convertProperty(raw, at, sourceKey, target);
    // A renamed field keeps its source name as its title, so people still see the name they knew.
    if (placed && placed.field.kind !== 'flattened' && placed.key !== sourceKey && target.keyPrefix === '') {
      if (placed.schema.title === undefined) placed.schema.title = sourceKey;
      if (placed.field.title === undefined)
        return { ...placed, field: { ...placed.field, title: sourceKey } };
    }
    return placed;
  }

  convertProperty(raw: unknown, at: string, sourceKey: string, target: ObjectTarget): Placed | undefined {
    const norm = normalizeSchema(raw, at, this.source, target.stack);
    if (!norm) {
      if (!isObject(raw)) noteDroppedField(this.notes, at, sourceKey, 'notSchema');
      return undefined;
    }
    const kw = new SchemaKeywords(norm);
    if (at === '') {
      // The root wrapped as one field: its definitions were read through $ref already.
      kw.take('definitions');
      kw.take('$defs');
    }
    const type = schemaType(norm, kw, this.notes);
    if (type === undefined) {
      noteDroppedField(
        this.notes,
        at,
        sourceKey,
        kw.has('anyOf') || kw.has('oneOf') ? 'alternatives' : 'noType',
      );
      return undefined;
    }
    const readOnlyEntry = kw.take('readOnly');
    if (readOnlyEntry?.value === true) {
      this.notes.schema(readOnlyEntry.at, 'changed', 'readOnly.rule', {
        'zh-CN': 'readOnly 导入为只读规则',
        en: 'readOnly was imported as a read-only rule',
      });
    }
    const readOnly = target.readOnly || readOnlyEntry?.value === true;
    const title = norm.keys.get('title')?.value;
    const base = {
      sourceKey,
      pointer: at,
      readOnly,
      ...(isLocalizedText(title) ? { title: title as LocalizedText } : {}),
    };
    const allocate = (kind: string): { key: string; path: string; dataAt: string } => {
      const key = target.keys.allocate(`${target.keyPrefix}${sourceKey}`, target.keyPrefix === '');
      if (target.keyPrefix === '' && key !== sourceKey) {
        this.notes.schema(at, 'changed', 'key.renamed', {
          'zh-CN': `属性名 ${JSON.stringify(sourceKey)} 不能用作字段名，已改为 ${key}`,
          en: `the property name ${JSON.stringify(sourceKey)} cannot be a field key; renamed to ${key}`,
        });
      }
      const dataAt = `${target.dataAt}${pointer('properties', key)}`;
      if (kind !== 'flattened') this.origins.add(dataAt, { source: 'schema', pointer: at });
      return { key, path: `${target.pathPrefix}${key}`, dataAt };
    };
    const layoutPath = (key: string, path: string) => (target.level === 'row' ? key : path);

    if (type === 'object') {
      if (target.level === 'root') {
        const { key, path, dataAt } = allocate('group');
        const schema: JsonObject = { type: 'object' };
        takeAnnotations(kw, schema, this.notes);
        const children = this.object(norm, kw, schema, this.target('group', `${path}.`, dataAt, readOnly));
        kw.dropRest(this.notes);
        if (children.length === 0) return noteDroppedField(this.notes, at, sourceKey, 'emptyObject');
        return { key, schema, field: { ...base, key, path, layoutPath: path, kind: 'group', children } };
      }
      const prefix = `${target.keyPrefix}${sourceKey}_`;
      this.notes.schema(at, 'changed', 'object.flattened', {
        'zh-CN': `对象 ${sourceKey} 嵌套过深：其字段提升到上一层，名称加前缀 ${prefix}`,
        en: `the object ${sourceKey} is nested too deep; its fields were lifted one level up with the prefix ${prefix}`,
      });
      kw.take('title'); // kept as the title of the section that shows the lifted fields
      const description = kw.take('description');
      if (description) {
        this.notes.schema(description.at, 'dropped', 'object.description', {
          'zh-CN': `对象 ${sourceKey} 已展开，其说明未导入`,
          en: `the object ${sourceKey} was flattened; its description was not imported`,
        });
      }
      const children = this.object(norm, kw, undefined, { ...target, keyPrefix: prefix, readOnly });
      kw.dropRest(this.notes);
      if (children.length === 0) return noteDroppedField(this.notes, at, sourceKey, 'emptyObject');
      const field: TreeField = {
        ...base,
        key: prefix,
        path: `${target.pathPrefix}${prefix}`,
        layoutPath: `${target.pathPrefix}${prefix}`,
        kind: 'flattened',
        children,
      };
      return { key: prefix, schema: {}, field };
    }

    if (type === 'array') return this.array(norm, kw, at, sourceKey, target, base, allocate, layoutPath);

    if (norm.ref?.plain) {
      const name = this.definitions.scalar(norm.ref);
      if (name !== undefined) {
        const { key, path } = allocate('field');
        const schema: JsonObject = { $ref: `#/$defs/${name}` };
        if (isObject(raw)) {
          for (const keyword of ['title', 'description'] as const) {
            if (isLocalizedText(raw[keyword])) schema[keyword] = raw[keyword];
          }
        }
        const field: TreeField = {
          ...base,
          key,
          path,
          layoutPath: layoutPath(key, path),
          kind: 'field',
          children: [],
        };
        return { key, schema, field };
      }
    }
    const { key, path } = allocate('field');
    const schema: JsonObject = { type };
    takeAnnotations(kw, schema, this.notes);
    convertScalar(type, kw, schema, this.notes);
    kw.dropRest(this.notes);
    return {
      key,
      schema,
      field: { ...base, key, path, layoutPath: layoutPath(key, path), kind: 'field', children: [] },
    };
  }

  array(
    norm: NormalizedSchema,
    kw: SchemaKeywords,
    at: string,
    sourceKey: string,
    target: ObjectTarget,
    base: Omit<TreeField, 'key' | 'path' | 'layoutPath' | 'kind' | 'children'>,
    allocate: (kind: string) => { key: string; path: string; dataAt: string },
    layoutPath: (key: string, path: string) => string,
  ): Placed | undefined {
    const items = kw.take('items') ?? kw.take('prefixItems');
    if (!items || Array.isArray(items.value))
      return noteDroppedField(this.notes, at, sourceKey, items ? 'tuple' : 'noItems');
    const itemsNorm = normalizeSchema(items.value, items.at, this.source, [...norm.refs]);
    if (!itemsNorm) return noteDroppedField(this.notes, at, sourceKey, 'noItems');
    const itemsKw = new SchemaKeywords(itemsNorm);
    const itemType = schemaType(itemsNorm, itemsKw, this.notes);
    if (itemType === 'string') {
      const { key, path } = allocate('field');
      const schema: JsonObject = { type: 'array' };
      takeAnnotations(kw, schema, this.notes);
      convertMultiSelect(itemsKw, kw, schema, this.notes);
      itemsKw.dropRest(this.notes);
      kw.dropRest(this.notes);
      return {
        key,
        schema,
        field: { ...base, key, path, layoutPath: layoutPath(key, path), kind: 'field', children: [] },
      };
    }
    if (itemType !== 'object') {
      return noteDroppedField(
        this.notes,
        at,
        sourceKey,
        itemType === undefined ? 'noItems' : 'listOf',
        itemType,
      );
    }
    if (target.level === 'row') return noteDroppedField(this.notes, at, sourceKey, 'nestedTable');
    const { key, path, dataAt } = allocate('table');
    const schema: JsonObject = { type: 'array' };
    takeAnnotations(kw, schema, this.notes);
    for (const keyword of ['minItems', 'maxItems']) {
      const entry = kw.take(keyword);
      if (entry && Number.isInteger(entry.value) && (entry.value as number) >= 0)
        schema[keyword] = entry.value;
      else if (entry) {
        this.notes.schema(entry.at, 'dropped', 'keyword.invalid', {
          'zh-CN': `${keyword} 的值 ${JSON.stringify(entry.value)} 无效，未导入`,
          en: `${keyword} has the invalid value ${JSON.stringify(entry.value)} and was not imported`,
        });
      }
    }
    // `uniqueItems: false` is the default, nothing is lost; `true` is noted by dropRest.
    if (norm.keys.get('uniqueItems')?.value === false) kw.take('uniqueItems');
    kw.dropRest(this.notes);
    const rowTarget = (rowAt: string) => this.target('row', `${path}[].`, rowAt, base.readOnly);
    let columns: TreeField[];
    const definition = itemsNorm.ref?.plain
      ? this.definitions.row(itemsNorm.ref, (defNorm, defKw, row, rowAt) => {
          this.object(defNorm, defKw, row, this.target('row', '', rowAt, false));
        })
      : undefined;
    if (definition) {
      columns = this.object(
        itemsNorm,
        new SchemaKeywords(itemsNorm),
        undefined,
        rowTarget(`/data/$defs/${definition}`),
      );
      schema.items = { $ref: `#/$defs/${definition}` };
    } else {
      const row: JsonObject = { type: 'object' };
      takeAnnotations(itemsKw, row, this.notes);
      columns = this.object(itemsNorm, itemsKw, row, rowTarget(`${dataAt}/items`));
      itemsKw.dropRest(this.notes);
      schema.items = row;
    }
    if (columns.length === 0) {
      if (definition) this.definitions.remove(definition);
      return noteDroppedField(this.notes, at, sourceKey, 'emptyObject');
    }
    return { key, schema, field: { ...base, key, path, layoutPath: path, kind: 'table', children: columns } };
  }
}

/** Converts a source JSON Schema into Formboard's data schema subset, noting everything that does not fit. */
export function convertDataSchema(schema: unknown, notes: ImportNotes, origins: Origins): ConvertedData {
  return new Converter(schema, notes, origins).convert();
}
