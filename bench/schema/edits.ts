// Edits of the benchmark form as the designer makes them: each returns a new definition that shares
// every object the edit did not touch with the one before (structural sharing), as an immutable
// store (zustand + immer, or hand-written reducers) does.

type Json = Record<string, unknown>;

/** One kind of edit, applied to the k-th version of the form. */
export type Edit = (form: Json, k: number) => Json;

/** A copy of `target` with `key` set to `value`; the other members are shared. */
function set<T extends Json | unknown[]>(target: T, key: string | number, value: unknown): T {
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[key as number] = value;
    return copy as T;
  }
  return { ...target, [key]: value } as T;
}

/** A copy of `root` with the value at `path` replaced by `update(old value)`; only the path is copied. */
function updateIn(root: Json, path: readonly (string | number)[], update: (value: unknown) => unknown): Json {
  const [head, ...rest] = path;
  if (head === undefined) return update(root) as Json;
  const child = (root as Record<string | number, unknown>)[head];
  return set(root, head, rest.length === 0 ? update(child) : updateIn(child as Json, rest, update));
}

const SECTIONS = 18;

/** Renames a field: a new title (zh-CN and en) on one field of a section. */
export const changeLabel: Edit = (form, k) =>
  updateIn(form, ['data', 'properties', `s${k % SECTIONS}_f${(k * 7) % 24}`, 'title'], () => ({
    'zh-CN': `改名的字段 ${k}`,
    en: `Renamed field ${k}`,
  }));

/** Edits a rule's formula: the threshold of a section's "required when the subtotal is low" rule. */
export const changeFormula: Edit = (form, k) => {
  const section = k % SECTIONS;
  const rule = section * 3; // the first rule of each section: { target: sN_f3, required, visible }
  const subtotal = `s${section}_f18`;
  return updateIn(form, ['rules', rule, 'required'], () => `${subtotal} < ${50 + (k % 997) / 10}`);
};

/** Adds a number field to a section's first column: a data property, a layout node, a child id. */
export const addField: Edit = (form, k) => {
  const key = `added_${k}`;
  const column = `s${k % SECTIONS}_col0`;
  let next = updateIn(form, ['data', 'properties'], (properties) =>
    set(properties as Json, key, { type: 'number', title: { 'zh-CN': `新字段 ${k}`, en: `New field ${k}` } }),
  );
  next = updateIn(next, ['layout', 'nodes'], (nodes) =>
    set(nodes as Json, `n_${key}`, { type: 'field', path: key }),
  );
  return updateIn(next, ['layout', 'nodes', column, 'children'], (children) => [
    ...(children as string[]),
    `n_${key}`,
  ]);
};

/** Removes a field `addField` added (version `k` of it): its property, its node and its id in the column. */
export function removeAddedField(form: Json, k: number): Json {
  const key = `added_${k}`;
  const column = `s${k % SECTIONS}_col0`;
  const without = (object: unknown, name: string): Json => {
    const { [name]: _removed, ...rest } = object as Json;
    return rest;
  };
  let next = updateIn(form, ['data', 'properties'], (properties) => without(properties, key));
  next = updateIn(next, ['layout', 'nodes'], (nodes) => without(nodes, `n_${key}`));
  return updateIn(next, ['layout', 'nodes', column, 'children'], (children) =>
    (children as string[]).filter((id) => id !== `n_${key}`),
  );
}

/** Adds a field on even versions and removes it again on odd ones, so the form keeps its size. */
export const addOrRemoveField: Edit = (form, k) =>
  k % 2 === 0 ? addField(form, k) : removeAddedField(form, k - 1);
