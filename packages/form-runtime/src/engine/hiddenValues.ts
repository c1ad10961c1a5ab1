import type { PathSegment } from '../paths.ts';

/**
 * A record without the hidden paths: what a submission stores. Copies only the branches that lose a
 * value; `segmentsOf` parses a concrete path ("kpis[2].weight").
 */
export function withoutHidden(
  value: Readonly<Record<string, unknown>>,
  hidden: readonly string[],
  segmentsOf: (path: string) => readonly PathSegment[],
): Record<string, unknown> {
  const clean: Record<string, unknown> = { ...value };
  for (const path of hidden) {
    const [head, ...rest] = segmentsOf(path);
    const key = String(head);
    if (rest.length === 0 || !Object.hasOwn(clean, key)) delete clean[key];
    else clean[key] = withoutPath(clean[key], rest);
  }
  return clean;
}

/** A value with the branch at `segments` removed, copying only that branch. */
function withoutPath(value: unknown, segments: readonly PathSegment[]): unknown {
  const [head, ...rest] = segments;
  if (value === null || typeof value !== 'object' || head === undefined || !Object.hasOwn(value, head))
    return value;
  const child = rest.length === 0 ? undefined : withoutPath((value as Record<string, unknown>)[head], rest);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = child;
    return copy;
  }
  const copy: Record<string, unknown> = { ...value };
  if (child === undefined) delete copy[head];
  else copy[head] = child;
  return copy;
}
