import type { FormDraft, FormEngine } from '@formboard/form-runtime';
import { useCallback, useEffect, useRef } from 'react';

const SAVE_DELAY_MS = 300;

/** Where a user's half-filled form of one published version is kept in this browser. */
export const draftKey = (userId: string, formId: string, version: number) =>
  `formboard.draft.${userId}.${formId}.v${version}`;

/**
 * Keeps a half-filled form across a reload or a dropped connection: restores the draft saved under
 * `key` (if any) into each new engine and saves the engine's draft a moment after each change (and
 * when the page is hidden). Returns `discard`, for once the record is stored: it forgets the draft
 * and stops this engine's pending save, so the stored values do not come back as a draft.
 */
export function useFormDraft(engine: FormEngine | undefined, key: string): () => void {
  const stopped = useRef(false);
  useEffect(() => {
    if (!engine) return;
    stopped.current = false;
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
      if (!stopped.current && engine.getFormState().dirty)
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
  return useCallback(() => {
    stopped.current = true;
    globalThis.localStorage?.removeItem(key);
  }, [key]);
}
