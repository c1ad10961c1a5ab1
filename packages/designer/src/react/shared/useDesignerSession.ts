import type { Locale } from '@formboard/formula';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CommandResult } from '../../core/Command.ts';
import type { DocumentStore } from '../../core/createDocumentStore.ts';

/** A designer's store as the shared views use it: the document store and its validation. */
export interface CheckedStore<D, R extends { readonly ok: boolean }> extends DocumentStore<D> {
  toDefinition(): R;
}

/** The strings a session announces. */
export interface SessionMessages {
  readonly undone: (what: string) => string;
  readonly redone: (what: string) => string;
  readonly saved: string;
  readonly saveFailed: string;
}

/** The host's props every designer component has. */
export interface DesignerHostProps<D, R> {
  /** The definition prop: another one than the store holds (and than `onChange` gave) opens afresh. */
  readonly definition: D;
  readonly onChange?: (definition: D, result: R) => void;
  readonly onSave?: (definition: D) => unknown;
}

/** What a designer's views share about its session: the live region's text, undo/redo and saving. */
export interface DesignerSession {
  /** The polite live region's text. */
  readonly announcement: string;
  /** Says something to screen readers (and shows it in the live region). */
  announce(text: string): void;
  /** Announces a refused command's reason (a successful one says nothing). */
  report(result: CommandResult): void;
  /** Undoes or redoes one step, announcing what. */
  travel(kind: 'undo' | 'redo'): void;
  /** Saves when the document is valid; undefined when the host gave no `onSave`. */
  readonly save: (() => void) | undefined;
  readonly saving: boolean;
}

/**
 * The host side every designer has: it opens a new `definition` prop, reports changes to `onChange`,
 * announces, undoes and redoes, and saves through `onSave` (the document stays dirty when it changed
 * while saving, or when saving failed).
 */
export function useDesignerSession<D, R extends { readonly ok: boolean }>(
  designer: CheckedStore<D, R>,
  props: DesignerHostProps<D, R>,
  locale: Locale,
  messages: SessionMessages,
): DesignerSession {
  const { definition, onChange, onSave } = props;
  const [announcement, setAnnouncement] = useState('');
  const [saving, setSaving] = useState(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (definition !== designer.getState().document) designer.load(definition);
  }, [designer, definition]);

  useEffect(() => {
    if (!onChange) return;
    return designer.subscribe((state, previous) => {
      if (state.document !== previous.document) onChange(state.document, designer.toDefinition());
    });
  }, [designer, onChange]);

  const announce = useCallback((text: string) => setAnnouncement(text), []);
  const report = useCallback(
    (result: CommandResult) => {
      if (!result.ok) setAnnouncement(result.reason[locale]);
    },
    [locale],
  );
  const travel = useCallback(
    (kind: 'undo' | 'redo') => {
      const state = designer.getState();
      const label = (kind === 'undo' ? state.past : state.future)?.top.label[locale];
      if (designer[kind]() && label !== undefined)
        setAnnouncement(kind === 'undo' ? messages.undone(label) : messages.redone(label));
    },
    [designer, locale, messages],
  );
  const save = onSave
    ? async () => {
        const document = designer.getState().document;
        if (!designer.toDefinition().ok) return;
        setSaving(true);
        try {
          await onSave(document);
          // Edits made while saving stay unsaved.
          if (designer.getState().document === document) designer.markSaved();
          setAnnouncement(messages.saved);
        } catch {
          setAnnouncement(messages.saveFailed);
        } finally {
          if (mounted.current) setSaving(false);
        }
      }
    : undefined;
  return {
    announcement,
    announce,
    report,
    travel,
    save: save ? () => void save() : undefined,
    saving,
  };
}
