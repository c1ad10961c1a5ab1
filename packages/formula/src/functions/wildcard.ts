import { type EvalContext, tick } from '../context.ts';

// Excel's wildcards, matched by hand (no RegExp is ever built from user text): `?` is any one
// character, `*` any run of characters, `~` escapes the next `?`, `*` or `~`. Matching is
// case-insensitive and works on code points, so positions agree with LEN and MID.

/** A run of pattern characters between stars: lower-cased code points, `null` for `?`. */
type Segment = readonly (string | null)[];

/** A parsed pattern: the segments between its stars (so `segments.length - 1` stars). */
export type Wildcard = readonly Segment[];

/** Character comparisons charged as one step of the evaluation's budget. */
const COMPARISONS_PER_STEP = 256;

/** True when the text uses Excel's wildcard syntax (`?`, `*` or `~`). */
export function hasWildcards(pattern: string): boolean {
  return /[?*~]/.test(pattern);
}

/** Parses a wildcard pattern. */
export function parseWildcard(pattern: string): Wildcard {
  const segments: Segment[] = [];
  let current: (string | null)[] = [];
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    if (c === '~' && (next === '?' || next === '*' || next === '~')) {
      current.push(next);
      i++;
    } else if (c === '*') {
      segments.push(current);
      current = [];
    } else {
      current.push(c === '?' ? null : c.toLowerCase());
    }
  }
  segments.push(current);
  return segments;
}

/** Text as lower-cased code points, ready to match. */
export function foldedChars(text: string): string[] {
  return Array.from(text, (c) => c.toLowerCase());
}

function matchesAt(text: readonly string[], segment: Segment, at: number): boolean {
  for (let j = 0; j < segment.length; j++) {
    const p = segment[j];
    if (p !== null && p !== text[at + j]) return false;
  }
  return true;
}

// First position in [from, to - segment.length] where the segment matches, or -1. Charged to the
// step budget, as a long pattern over a long text is quadratic.
function findSegment(
  text: readonly string[],
  segment: Segment,
  from: number,
  to: number,
  ctx: EvalContext,
): number {
  let work = 0;
  for (let at = from; at + segment.length <= to; at++) {
    work += segment.length + 1;
    if (work >= COMPARISONS_PER_STEP) {
      tick(ctx, Math.floor(work / COMPARISONS_PER_STEP));
      work %= COMPARISONS_PER_STEP;
    }
    if (matchesAt(text, segment, at)) return at;
  }
  return -1;
}

/**
 * 0-based position of the first match of the pattern starting at or after `from` (SEARCH), or -1.
 * Each segment is placed as far left as possible: if the leftmost placement fails, any later one would too.
 */
export function wildcardSearch(
  text: readonly string[],
  pattern: Wildcard,
  from: number,
  ctx: EvalContext,
): number {
  const [first = [], ...rest] = pattern;
  const start = findSegment(text, first, from, text.length, ctx);
  if (start < 0) return -1;
  let pos = start + first.length;
  for (const segment of rest) {
    const at = findSegment(text, segment, pos, text.length, ctx);
    if (at < 0) return -1;
    pos = at + segment.length;
  }
  return start;
}

/** True when the pattern matches the whole text (MATCH and XLOOKUP's wildcard mode). */
export function wildcardEquals(text: readonly string[], pattern: Wildcard, ctx: EvalContext): boolean {
  const first = pattern[0] ?? [];
  if (pattern.length === 1) return text.length === first.length && matchesAt(text, first, 0);
  const last = pattern[pattern.length - 1] ?? [];
  const end = text.length - last.length;
  if (end < first.length || !matchesAt(text, first, 0) || !matchesAt(text, last, end)) return false;
  let pos = first.length;
  for (const segment of pattern.slice(1, -1)) {
    const at = findSegment(text, segment, pos, end, ctx);
    if (at < 0) return false;
    pos = at + segment.length;
  }
  return true;
}
