import type { FormDraft, FormEngine } from '@formboard/form-runtime';
import { useEffect } from 'react';

const SAVE_DELAY_MS = 300;

/** Where a user's half-filled form of one published version is kept in this browser. */
export const draftKey = (userId: string, formId: string, version: number) =>
  `formboard.draft.${userId}.${formId}.v${version}`;

/**
 * Keeps a half-filled form across a reload or a dropped connection: restores the draft saved under
 * `key` (if any) and saves the engine's draft a moment after each change. The caller removes it
 * once the record is stored.
 */
export function useFormDraft(engine: FormEngine, key: string): void {
  useEffect(() => {
    const saved = globalThis.localStorage?.getItem(key);
    if (saved) {
      try {
        engine.restoreDraft(JSON.parse(saved) as FormDraft);
      } catch {
        // A draft from an older studio that no longer parses is dropped, not shown half-applied.
        globalThis.localStorage?.removeItem(key);
      }
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      clearTimeout(timer);
      timer = undefined;
      if (engine.getFormState().dirty)
        globalThis.localStorage?.setItem(key, JSON.stringify(engine.serializeDraft()));
    };
    const save = () => {
      clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
    };
    const unsubscribe = engine.subscribeForm(save);
    // Closing the tab within the delay must not lose the last keystrokes.
    globalThis.addEventListener?.('pagehide', flush);
    return () => {
      if (timer !== undefined) flush();
      unsubscribe();
      globalThis.removeEventListener?.('pagehide', flush);
    };
  }, [engine, key]);
}

/** Forgets a saved draft (after the record was stored, or when the user discards it). */
export function discardDraft(key: string): void {
  globalThis.localStorage?.removeItem(key);
}
