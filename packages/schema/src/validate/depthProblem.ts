import type { DefinitionIssue } from './issues.ts';
import { pointer } from './issues.ts';

/** Deepest nesting a definition may have; real ones stay under 15 levels. */
export const MAX_DEFINITION_DEPTH = 64;

/**
 * The first place where a document nests deeper than MAX_DEFINITION_DEPTH, as an issue. ajv,
 * structuredClone and the checks all recurse, and a hostile document thousands of levels deep would
 * otherwise overflow the stack; this walk itself recurses at most MAX_DEFINITION_DEPTH frames.
 */
export function depthProblem(json: unknown): DefinitionIssue | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  // Measuring needs no keys and is cheaper; the keyed walk runs only to say where the problem is.
  if (heightWithin(json, MAX_DEFINITION_DEPTH) !== undefined) return undefined;
  const path: string[] = [];
  return tooDeepWithin(json, 0, path) ? tooDeep(path) : undefined;
}

// Depth first, each object before its children and children last key first, leaving in `path` the
// way to the first value found too deep.
function tooDeepWithin(value: object, depth: number, path: string[]): boolean {
  if (depth >= MAX_DEFINITION_DEPTH) return true;
  const keys = Array.isArray(value) ? undefined : Object.keys(value);
  const count = keys ? keys.length : (value as unknown[]).length;
  for (let i = count - 1; i >= 0; i--) {
    const key = keys ? (keys[i] as string) : i;
    const child = (value as Record<string | number, unknown>)[key];
    if (child === null || typeof child !== 'object') continue;
    path.push(String(key));
    if (tooDeepWithin(child, depth + 1, path)) return true;
    path.pop();
  }
  return false;
}

/**
 * How many levels of objects and arrays hang below `value` (0 when none), or undefined when that is
 * `limit` or more. With a memo, heights are kept per object, so a document edited with structural
 * sharing is measured only along the edited paths; only for documents that are never mutated.
 *
 * Objects are read with Object.values (own enumerable properties, as the exact keyed walk reads them);
 * only "within the limit" is taken from it, "too deep" is decided again by the keyed walk.
 */
export function heightWithin(
  value: object,
  limit: number,
  memo?: WeakMap<object, number>,
): number | undefined {
  const known = memo?.get(value);
  if (known !== undefined) return known < limit ? known : undefined;
  if (limit <= 0) return undefined;
  let height = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child === null || typeof child !== 'object') continue;
      const below = heightWithin(child, limit - 1, memo);
      if (below === undefined) return undefined;
      if (below + 1 > height) height = below + 1;
    }
  } else {
    // Object.values rather than for…in: reading `value[key]` for every key of every object makes that
    // one property load see every object shape of every document (and of the edited versions the
    // memoizing validator walks), and the slow path it then takes cost more than the array.
    const values = Object.values(value);
    for (let i = 0; i < values.length; i++) {
      const child: unknown = values[i];
      if (child === null || typeof child !== 'object') continue;
      const below = heightWithin(child, limit - 1, memo);
      if (below === undefined) return undefined;
      if (below + 1 > height) height = below + 1;
    }
  }
  memo?.set(value, height);
  return height;
}

/**
 * depthProblem for a document edited with structural sharing: subtree heights are remembered in
 * `heights` so only edited paths are walked; when the document is too deep, depthProblem finds where.
 */
export function rememberedDepthProblem(
  json: unknown,
  heights: WeakMap<object, number>,
): DefinitionIssue | undefined {
  if (json === null || typeof json !== 'object') return undefined;
  return heightWithin(json, MAX_DEFINITION_DEPTH, heights) === undefined ? depthProblem(json) : undefined;
}

function tooDeep(path: readonly string[]): DefinitionIssue {
  return {
    pointer: pointer(...path),
    code: 'schema.tooDeep',
    message: {
      'zh-CN': `嵌套过深（最多 ${MAX_DEFINITION_DEPTH} 层）`,
      en: `nested too deeply (at most ${MAX_DEFINITION_DEPTH} levels)`,
    },
  };
}
