import { setOwn } from '../form/setOwn.ts';

/** One step of a property path: an object key or an array index. */
export type PathSegment = string | number;

const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/** A dotted property key as path segments: `query.measures.0.field` → `['query', 'measures', 0, 'field']`. */
export function parsePath(key: string): PathSegment[] | undefined {
  if (key === '') return undefined;
  const segments = key.split('.');
  if (segments.some((s) => s === '' || UNSAFE.has(s))) return undefined;
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The value at a path, or undefined. */
export function getPath(target: unknown, path: readonly PathSegment[]): unknown {
  let current = target;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * `target` with the value at `path` replaced (removed when `value` is undefined: a key is deleted, an
 * array item spliced out), copying only the objects along the path. Missing objects on the way are
 * created (arrays for numeric segments). The same object comes back when nothing changes.
 */
export function setPath(target: unknown, path: readonly PathSegment[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  const container =
    typeof target === 'object' && target !== null ? target : typeof head === 'number' ? [] : {};
  const current = Object.hasOwn(container, head)
    ? (container as Record<PathSegment, unknown>)[head]
    : undefined;
  const next = rest.length === 0 ? value : setPath(current, rest, value);
  if (next === current && (next !== undefined || !Object.hasOwn(container, head))) return target;
  if (Array.isArray(container)) {
    const copy = [...container];
    if (typeof head !== 'number') return target;
    if (next === undefined) copy.splice(head, 1);
    else copy[head] = next;
    return copy;
  }
  const copy = { ...(container as Record<string, unknown>) };
  if (next === undefined) delete copy[head];
  else setOwn(copy, head, next);
  return copy;
}
