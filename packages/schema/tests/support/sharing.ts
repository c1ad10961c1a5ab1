import type { Json } from './mutations.ts';

type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Sets an own property, even `__proto__`. */
function define(target: JsonObject, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * `next` (an edited copy of `previous`) rebuilt the way an immutable store makes versions: every
 * subtree equal to the one at the same place in `previous` *is* that one (same object), so only the
 * objects on edited paths are new. An object placed at several places in `next` stays one object.
 */
export function shareWith(previous: Json, next: Json): Json {
  const done = new Map<object, Json>();
  const share = (value: Json, before: Json | undefined): Json => {
    if (value === null || typeof value !== 'object') return value;
    const known = done.get(value);
    if (known !== undefined) return known;
    let result: Json;
    if (Array.isArray(value)) {
      const old = Array.isArray(before) ? before : [];
      const items = value.map((item, i) => share(item, old[i]));
      const same =
        Array.isArray(before) &&
        before.length === items.length &&
        items.every((item, i) => item === before[i]);
      result = same ? before : items;
    } else {
      const old = isObject(before) ? before : undefined;
      const keys = Object.keys(value);
      const out: JsonObject = {};
      for (const key of keys)
        define(out, key, share(value[key] as Json, old && Object.hasOwn(old, key) ? old[key] : undefined));
      const oldKeys = old ? Object.keys(old) : [];
      const same =
        old !== undefined &&
        oldKeys.length === keys.length &&
        keys.every((key, i) => key === oldKeys[i] && out[key] === old[key]);
      result = same ? old : out;
    }
    done.set(value, result);
    return result;
  };
  return share(next, previous);
}
