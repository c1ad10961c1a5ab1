import { localize } from '@formboard/schema';
import type { Refused } from '../core/Command.ts';
import type { DefinitionResult, Problem } from './formProblems.ts';
import { fieldIndexOf, withOptional } from './formSites.ts';
import type { Form } from './formTree.ts';

/** A pasted field: its key in the copied fragment, and its path in the form it was pasted into. */
export interface PastedField {
  readonly from: string;
  readonly to: string;
}

type Rollup = NonNullable<Form['rollups']>[number];

/**
 * The pasted form with the roll-ups of its pasted fields (the fragment's `rollups`, as they came:
 * from the system clipboard they may be anything), each retargeted to its field's new path and kept
 * when `check` finds no problem at it in the form; `dropped` says which were not kept and why.
 */
export function keptRollups(
  pasted: Form,
  fields: readonly PastedField[],
  rollups: unknown,
  check: (form: Form) => DefinitionResult,
): { readonly document: Form; readonly dropped?: Refused } {
  const moved = new Map(fields.map((f) => [f.from, f.to]));
  const candidates: Rollup[] = [];
  for (const item of Array.isArray(rollups) ? (rollups as unknown[]) : []) {
    const target = (item as { target?: unknown } | null)?.target;
    const to = typeof target === 'string' ? moved.get(target) : undefined;
    if (to !== undefined) candidates.push({ ...(item as Rollup), target: to });
  }
  if (candidates.length === 0) return { document: pasted };
  const existing = pasted.rollups ?? [];
  const tried = withOptional(pasted, { rollups: [...existing, ...candidates] });
  const result = check(tried);
  if (result.ok) return { document: tried };
  const problemsOf = (i: number): Problem[] => {
    const at = `/rollups/${existing.length + i}`;
    return result.problems.filter((p) => p.pointer === at || p.pointer.startsWith(`${at}/`));
  };
  const kept = candidates.filter((_, i) => problemsOf(i).length === 0);
  if (kept.length === candidates.length) return { document: tried };
  const reasons = candidates.flatMap((rollup, i) => {
    const first = problemsOf(i)[0];
    if (!first) return [];
    const title = fieldIndexOf(pasted).fields.get(rollup.target)?.title;
    const name = (locale: string) => localize(title, locale) || rollup.target;
    return [
      {
        zh: `字段“${name('zh-CN')}”的汇总：${first.message['zh-CN']}`,
        en: `the roll-up of “${name('en')}”: ${first.message.en}`,
      },
    ];
  });
  return {
    document: withOptional(pasted, { rollups: [...existing, ...kept] }),
    dropped: {
      refused: {
        'zh-CN': `汇总在这里无效，不会随字段粘贴（${reasons.map((r) => r.zh).join('；')}）。仍要粘贴（不带${reasons.length > 1 ? '这些' : '这个'}汇总），请再粘贴一次。`,
        en: `Not valid here, so it would not come along (${reasons.map((r) => r.en).join('; ')}). To paste without ${reasons.length > 1 ? 'them' : 'it'}, paste again.`,
      },
    },
  };
}
