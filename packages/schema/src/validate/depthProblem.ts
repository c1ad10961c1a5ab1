import type { DefinitionIssue } from './issues.ts';
import { pointer } from './issues.ts';

/** Deepest nesting a definition may have; real ones stay under 15 levels. */
export const MAX_DEFINITION_DEPTH = 64;

/**
 * The first place where a document nests deeper than MAX_DEFINITION_DEPTH, as an issue, found without
 * recursion: ajv, structuredClone and the checks all recurse, and a hostile document thousands of
 * levels deep would otherwise overflow the stack. Only depths are tracked on the way down; the path is
 * rebuilt from parent links when a problem is found.
 */
export function depthProblem(json: unknown): DefinitionIssue | undefined {
  const values: unknown[] = [json];
  const depths: number[] = [0];
  const parents: number[] = [-1];
  const keys: string[] = [''];
  const stack: number[] = [0];
  while (stack.length > 0) {
    const at = stack.pop() as number;
    const value = values[at];
    if (value === null || typeof value !== 'object') continue;
    const depth = depths[at] as number;
    if (depth >= MAX_DEFINITION_DEPTH) return tooDeep(pathTo(at, parents, keys));
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const child = (value as Record<string, unknown>)[key];
      if (child === null || typeof child !== 'object') continue;
      stack.push(values.length);
      values.push(child);
      depths.push(depth + 1);
      parents.push(at);
      keys.push(key);
    }
  }
  return undefined;
}

function pathTo(at: number, parents: readonly number[], keys: readonly string[]): string[] {
  const path: string[] = [];
  for (let i = at; i > 0; i = parents[i] as number) path.unshift(keys[i] as string);
  return path;
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
