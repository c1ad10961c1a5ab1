import type { LocalizedMessage } from '@formboard/formula';
import { type Command, isRefused, type Refused } from '../../core/Command.ts';
import type { Form } from '../formTree.ts';
import { type RollupBreak, rollupBreaks, rollupName } from '../rollupReaders.ts';

// A change that would lose or break a roll-up is not made silently: it is refused once with the
// reason (what would break, what to do), and the same change asked again on the same document goes
// ahead — the admin has read the warning and confirms by repeating it (a second Delete, a second
// "Apply", a second paste). Anything done in between asks again.

/** Remembers the last warned change: asking it again right after confirms it. */
export interface Confirmations {
  /** True when `key` was just warned about on this very document (and forgets it); else remembers it. */
  confirmed(document: Form, key: string): boolean;
}

/** A fresh memory of warned changes (one per designer). */
export function createConfirmations(): Confirmations {
  let warned: { readonly document: Form; readonly key: string } | undefined;
  return {
    confirmed(document, key) {
      const again = warned?.document === document && warned.key === key;
      warned = again ? undefined : { document, key };
      return again;
    },
  };
}

/** The edits checked against other forms' roll-ups, by what the warning calls them. */
export type GuardedAction = 'delete' | 'rename' | 'move';

const VERBS: Readonly<Record<GuardedAction, LocalizedMessage>> = {
  delete: { 'zh-CN': '删除', en: 'delete' },
  rename: { 'zh-CN': '改名', en: 'rename' },
  move: { 'zh-CN': '移动', en: 'move' },
};

/**
 * `command`, refused once when its result breaks roll-ups of other forms (found through `forms`)
 * that read this form's fields, naming each; run as it is when repeated (see `Confirmations`).
 */
export function guardRollups(
  command: Command<Form>,
  action: GuardedAction,
  key: string,
  forms: (id: string) => Form | undefined,
  confirmations: Confirmations,
): Command<Form> {
  return {
    label: command.label,
    ...(command.mergeKey === undefined ? {} : { mergeKey: command.mergeKey }),
    run(form, selection) {
      const outcome = command.run(form, selection);
      if (isRefused(outcome)) return outcome;
      const breaks = rollupBreaks(form, outcome.document, forms);
      if (breaks.length === 0) return outcome;
      if (confirmations.confirmed(form, `${action}\n${key}\n${selection.join('\n')}`)) return outcome;
      return breakWarning(breaks, VERBS[action]);
    },
  };
}

/** "表单“目标”的汇总“进度”用到……" : the warning naming every roll-up that would break. */
function breakWarning(breaks: readonly RollupBreak[], verb: LocalizedMessage): Refused {
  const names = new Map<string, LocalizedMessage>();
  for (const b of breaks) names.set(`${b.parent.id}\n${b.index}`, rollupName(b.parent, b.rollup));
  const list = [...names.values()];
  const zh = list.map((n) => n['zh-CN']).join('、');
  const en = list.map((n) => n.en).join(', ');
  const many = list.length > 1;
  return {
    refused: {
      'zh-CN': `${zh}用到这个字段，${verb['zh-CN']}后会失效；在那边改好之前，本表单的新版本不能发布。仍要${verb['zh-CN']}，请再${verb['zh-CN']}一次。`,
      en: `${en.charAt(0).toUpperCase()}${en.slice(1)} ${many ? 'read' : 'reads'} this field and would break; this form’s new version cannot be published until ${many ? 'they are' : 'it is'} fixed there. To ${verb.en} anyway, ${verb.en} again.`,
    },
  };
}
