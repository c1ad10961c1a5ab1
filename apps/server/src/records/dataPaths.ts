/** Steps of a path: `a.b[0].c` → a, b, 0, c; a leading `$` or `$.` (JSONPath style) is ignored. */
function steps(path: string): string[] {
  return path
    .replace(/^\$\.?/, '')
    .split(/\.|\[(\d+)\]/)
    .filter((step): step is string => step !== undefined && step !== '');
}

/** Reads a path (`owner.name`, `data.list[0]`) out of a parsed JSON value; undefined when a step is missing. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const step of steps(path)) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

/** Writes `value` at a dotted path inside `target`, creating the objects on the way (own properties only). */
export function writePath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = steps(path);
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = Object.hasOwn(node, key) ? node[key] : undefined;
    if (next && typeof next === 'object') node = next as Record<string, unknown>;
    else {
      const created: Record<string, unknown> = {};
      Object.defineProperty(node, key, {
        value: created,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      node = created;
    }
  }
  const last = keys.at(-1);
  if (last !== undefined)
    Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
}
