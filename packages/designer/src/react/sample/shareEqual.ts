import { setOwn } from '../../form/setOwn.ts';

const isPlainObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `next`, sharing every part that equals the same part of `prev` (prev's object is kept), so that a
 * selector reading one value of a remade JSON record sees the very same value when it did not change.
 */
export function shareEqual(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    const items = next.map((item, i) => shareEqual(prev[i], item));
    return items.length === prev.length && items.every((item, i) => item === prev[i]) ? prev : items;
  }
  if (isPlainObject(prev) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(prev).length;
    const out = {};
    for (const key of keys) {
      const had = Object.hasOwn(prev, key);
      const value = shareEqual(had ? prev[key] : undefined, next[key]);
      if (!had || value !== prev[key]) same = false;
      setOwn(out, key, value);
    }
    return same ? prev : out;
  }
  return next;
}
