import { type PathSegment, pathText } from '@formboard/formula';

// Data paths as formulas write them: `score`, `owner.name`, `kpis[].weight` (a table's column).

/** The segments of a data path: `kpis[].weight` → kpis (each row), weight. */
export function splitPath(path: string): PathSegment[] {
  return path
    .split('.')
    .map((part) =>
      part.endsWith('[]') ? { key: part.slice(0, -2), each: true } : { key: part, each: false },
    );
}

/** The path of segments (the inverse of splitPath). */
export function joinPath(segments: readonly PathSegment[]): string {
  return pathText(segments);
}

/** The last key of a path: `kpis[].weight` → `weight`. */
export function keyOf(path: string): string {
  const segments = splitPath(path);
  return segments[segments.length - 1]?.key ?? path;
}

/**
 * Whether `segments` lie at or under the field at `field` (compared key by key; a table's own path
 * `kpis` covers its columns `kpis[].weight`).
 */
export function isUnder(segments: readonly PathSegment[], field: readonly PathSegment[]): boolean {
  if (segments.length < field.length) return false;
  for (let i = 0; i < field.length; i++) if (segments[i]?.key !== field[i]?.key) return false;
  return true;
}

/** `path` with the key of the field at `field` replaced by `key`, when it lies under it; else undefined. */
export function renamedPath(path: string, field: readonly PathSegment[], key: string): string | undefined {
  const segments = splitPath(path);
  if (!isUnder(segments, field)) return undefined;
  const at = field.length - 1;
  const segment = segments[at];
  if (!segment) return undefined;
  segments[at] = { key, each: segment.each };
  return joinPath(segments);
}
