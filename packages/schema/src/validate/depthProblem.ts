import type { DefinitionIssue } from './issues.ts';
import { pointer } from './issues.ts';

/** Deepest nesting a definition may have; real ones stay under 15 levels. */
export const MAX_DEFINITION_DEPTH = 64;

/**
 * The first place where a document nests deeper than MAX_DEFINITION_DEPTH, as an issue, found without
 * recursion: ajv, structuredClone and the checks all recurse, and a hostile document thousands of
 * levels deep would otherwise overflow the stack.
 */
export function depthProblem(json: unknown): DefinitionIssue | undefined {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: json, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop() as { value: unknown; path: (string | number)[] };
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_DEFINITION_DEPTH) {
      return {
        pointer: pointer(...path),
        code: 'schema.tooDeep',
        message: {
          'zh-CN': `嵌套过深（最多 ${MAX_DEFINITION_DEPTH} 层）`,
          en: `nested too deeply (at most ${MAX_DEFINITION_DEPTH} levels)`,
        },
      };
    }
    for (const [key, child] of Object.entries(value)) stack.push({ value: child, path: [...path, key] });
  }
  return undefined;
}
