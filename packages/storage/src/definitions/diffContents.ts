import type { LocalizedMessage } from '@formboard/formula';
import { createPatch, type Operation } from 'rfc6902';
import { summarizePatch } from './diffSummary.ts';

/** What turns one definition content into another: the JSON Patch and one readable line per change. */
export interface ContentDiff {
  readonly patch: readonly Operation[];
  readonly summary: readonly LocalizedMessage[];
}

/** The RFC 6902 patch from `from` to `to`, and its zh-CN/en summary. */
export function diffContents(
  from: Readonly<Record<string, unknown>>,
  to: Readonly<Record<string, unknown>>,
): ContentDiff {
  const patch = createPatch(from, to);
  return { patch, summary: summarizePatch(from, to, patch) };
}
