// Concrete value paths: `score`, `owner.name`, `kpis[2].weight`. Formulas and rules use column paths
// (`kpis[].weight`); `columnPath` from @formboard/formula maps one to the other.

/** One step of a concrete path: an object key or an array index. */
export type PathSegment = string | number;

/** "kpis[2].weight" → ["kpis", 2, "weight"]. Digits between brackets are a row index. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  let start = 0;
  let opener: string | undefined;
  for (let i = 0; i <= path.length; i++) {
    const c = path[i];
    if (c !== undefined && c !== '.' && c !== '[' && c !== ']') continue;
    const text = path.slice(start, i);
    if (text !== '') segments.push(opener === '[' && c === ']' && /^\d+$/.test(text) ? Number(text) : text);
    start = i + 1;
    opener = c;
  }
  return segments;
}

/** ["kpis", 2, "weight"] → "kpis[2].weight". */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** The value at a path, or undefined. Reads own properties only. */
export function getIn(value: unknown, segments: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PathSegment, unknown>)[segment];
  }
  return current;
}

/**
 * A copy of `root` with the value at the path replaced (`undefined` removes the key), sharing every
 * untouched branch, so unchanged fields keep their identity and snapshots stay cheap.
 */
export function setIn(root: unknown, segments: readonly PathSegment[], value: unknown): unknown {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  const current = root !== null && typeof root === 'object' ? root : typeof head === 'number' ? [] : {};
  const child = setIn(getIn(current, [head]), rest, value);
  if (Array.isArray(current)) {
    const copy = [...current];
    copy[head as number] = child;
    return copy;
  }
  const copy: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  if (child === undefined) delete copy[head as string];
  else copy[head as string] = child;
  return copy;
}
