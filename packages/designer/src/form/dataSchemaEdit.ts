import type { PathSegment } from '@formboard/formula';
import type { DataSchema } from '@formboard/schema';
import { splitPath } from './dataPaths.ts';

// Immutable edits of a form's data schema: each returns a new schema that shares every object it did
// not change. A table whose rows are a `$ref` to `$defs` is shared with other tables: its columns are
// not edited through one table (the edit is refused by the caller when these return undefined).

/** A data schema object, read loosely: the typed union is checked by the definition's validation. */
export type SchemaObject = Readonly<Record<string, unknown>>;

function propertiesOf(object: SchemaObject): Readonly<Record<string, SchemaObject>> {
  return (object.properties ?? {}) as Readonly<Record<string, SchemaObject>>;
}

const NOT_REQUIRED: readonly string[] = [];

function requiredOf(object: SchemaObject): readonly string[] {
  return (object.required ?? NOT_REQUIRED) as readonly string[];
}

function own<T>(map: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** The object schema holding the fields under `segments` (root, group or table row), if editable. */
export function objectAt(data: DataSchema, segments: readonly PathSegment[]): SchemaObject | undefined {
  let object: SchemaObject | undefined = data as SchemaObject;
  for (const segment of segments) {
    if (!object) return undefined;
    let next: SchemaObject | undefined = own(propertiesOf(object), segment.key);
    if (next && segment.each) next = next.items as SchemaObject | undefined;
    if (next?.type !== 'object') return undefined;
    object = next;
  }
  return object;
}

/** The data schema with the object at `segments` replaced by `update(object)`; undefined if not editable. */
export function updateObjectAt(
  data: DataSchema,
  segments: readonly PathSegment[],
  update: (object: SchemaObject) => SchemaObject,
): DataSchema | undefined {
  const go = (object: SchemaObject, depth: number): SchemaObject | undefined => {
    const segment = segments[depth];
    if (!segment) return update(object);
    const properties = propertiesOf(object);
    const child = own(properties, segment.key);
    if (!child) return undefined;
    let next: SchemaObject | undefined;
    if (segment.each) {
      const items = child.items as SchemaObject | undefined;
      const row = items?.type === 'object' ? go(items, depth + 1) : undefined;
      next = row && { ...child, items: row };
    } else next = child.type === 'object' ? go(child, depth + 1) : undefined;
    return next && { ...object, properties: { ...properties, [segment.key]: next } };
  };
  return go(data as SchemaObject, 0) as DataSchema | undefined;
}

/** The parent object's segments and the key of a field path. */
function parentAndKey(path: string): { parent: PathSegment[]; key: string } {
  const segments = splitPath(path);
  const last = segments.pop();
  return { parent: segments, key: last?.key ?? '' };
}

/** The schema of the field at `path` as written (a `$ref` is not followed). */
export function fieldSchemaAt(data: DataSchema, path: string): SchemaObject | undefined {
  const { parent, key } = parentAndKey(path);
  const object = objectAt(data, parent);
  return object && own(propertiesOf(object), key);
}

// The `required` lists as sets, made once per list (lists are immutable): the canvas asks for every field.
const requiredSets = new WeakMap<readonly string[], ReadonlySet<string>>();

/** Whether the field at `path` is in its object's `required` list. */
export function isRequiredAt(data: DataSchema, path: string): boolean {
  const { parent, key } = parentAndKey(path);
  const object = objectAt(data, parent);
  if (object === undefined) return false;
  const required = requiredOf(object);
  let set = requiredSets.get(required);
  if (!set) {
    set = new Set(required);
    requiredSets.set(required, set);
  }
  return set.has(key);
}

/** Replaces the schema of the field at `path`. */
export function setFieldSchema(data: DataSchema, path: string, schema: SchemaObject): DataSchema | undefined {
  const { parent, key } = parentAndKey(path);
  return updateObjectAt(data, parent, (object) => {
    const properties = propertiesOf(object);
    if (!own(properties, key)) return object;
    return { ...object, properties: { ...properties, [key]: schema } };
  });
}

/** Adds a field to the object at `parent` (fails when the key is taken there). */
export function addFieldSchema(
  data: DataSchema,
  parent: readonly PathSegment[],
  key: string,
  schema: SchemaObject,
  required: boolean,
): DataSchema | undefined {
  const object = objectAt(data, parent);
  if (!object || own(propertiesOf(object), key)) return undefined;
  return updateObjectAt(data, parent, (o) => {
    const next: Record<string, unknown> = { ...o, properties: { ...propertiesOf(o), [key]: schema } };
    if (required) next.required = [...requiredOf(o), key];
    return next;
  });
}

/** Removes the field at `path` (and its name from the object's `required` list). */
export function removeFieldSchema(data: DataSchema, path: string): DataSchema | undefined {
  const { parent, key } = parentAndKey(path);
  return updateObjectAt(data, parent, (object) => {
    const { [key]: _removed, ...properties } = propertiesOf(object);
    return withRequired({ ...object, properties }, key, false);
  });
}

/** Sets or clears the field's name in its object's `required` list. */
export function setRequiredAt(data: DataSchema, path: string, required: boolean): DataSchema | undefined {
  const { parent, key } = parentAndKey(path);
  return updateObjectAt(data, parent, (object) => withRequired(object, key, required));
}

function withRequired(object: SchemaObject, key: string, required: boolean): SchemaObject {
  const list = requiredOf(object);
  if (list.includes(key) === required) return object;
  const next = required ? [...list, key] : list.filter((k) => k !== key);
  if (next.length > 0) return { ...object, required: next };
  const { required: _dropped, ...rest } = object;
  return rest;
}

/** Renames the field at `path` to `key`, keeping its place among its siblings and in `required`. */
export function renameFieldSchema(data: DataSchema, path: string, key: string): DataSchema | undefined {
  const { parent, key: old } = parentAndKey(path);
  const object = objectAt(data, parent);
  if (!object || !own(propertiesOf(object), old) || own(propertiesOf(object), key)) return undefined;
  return updateObjectAt(data, parent, (o) => {
    const properties = Object.fromEntries(
      Object.entries(propertiesOf(o)).map(([k, v]) => [k === old ? key : k, v] as const),
    );
    const required = requiredOf(o);
    const next: Record<string, unknown> = { ...o, properties };
    if (required.includes(old)) next.required = required.map((k) => (k === old ? key : k));
    return next;
  });
}

/** The keys of the object at `parent` (to find a free one). */
export function keysAt(data: DataSchema, parent: readonly PathSegment[]): readonly string[] {
  const object = objectAt(data, parent);
  return object ? Object.keys(propertiesOf(object)) : [];
}
