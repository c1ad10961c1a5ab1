import type { Locale } from '@formboard/formula';
import { type FormEvent, useEffect, useState } from 'react';
import type { CommandResult } from '../../core/Command.ts';

/**
 * The typed draft of a name that is renamed on purpose (applied as a whole on submit, never per key
 * press), and the refusal shown beside it. The draft follows `current` when it changes elsewhere
 * (another selection, an undo).
 */
export function useRenameDraft(
  current: string,
  locale: Locale,
  rename: (next: string) => CommandResult,
): {
  draft: string;
  setDraft: (text: string) => void;
  problem: string;
  apply: (event: FormEvent) => string | undefined;
} {
  const [draft, setDraft] = useState(current);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    setDraft(current);
    setProblem('');
  }, [current]);
  // Returns the applied name, or undefined when the command refused it.
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const next = draft.trim();
    const result = rename(next);
    setProblem(result.ok ? '' : result.reason[locale]);
    return result.ok ? next : undefined;
  };
  return { draft, setDraft, problem, apply };
}
