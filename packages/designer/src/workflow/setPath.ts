/**
 * A copy of `target` with the value at a path of property names replaced (removed when `value` is
 * undefined), copying only the objects on the path; `target` itself when nothing changes.
 */
export function setPath<T extends object>(target: T, path: readonly string[], value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined) return target;
  const own = target as Record<string, unknown>;
  const current = Object.hasOwn(own, key) ? own[key] : undefined;
  const next =
    rest.length === 0
      ? value
      : setPath(typeof current === 'object' && current !== null ? current : {}, rest, value);
  if (next === current && (next !== undefined || !Object.hasOwn(own, key))) return target;
  const copy: Record<string, unknown> = Array.isArray(target)
    ? ([...target] as unknown as Record<string, unknown>)
    : { ...own };
  if (next === undefined && !Array.isArray(target)) delete copy[key];
  else
    Object.defineProperty(copy, key, { value: next, enumerable: true, writable: true, configurable: true });
  return copy as T;
}

/** The value at a path of property names, if any. */
export function getPath(target: unknown, path: readonly string[]): unknown {
  let current = target;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A dotted property path ("query.groupBy", "branches.0.when") as names; undefined when one is unsafe. */
export function parsePropertyPath(path: string): string[] | undefined {
  const names = path.split('.');
  return names.some((n) => n === '' || n === '__proto__' || n === 'constructor' || n === 'prototype')
    ? undefined
    : names;
}
