import type { LocalizedMessage } from '@formboard/formula';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type Command, type CommandResult, isRefused } from './Command.ts';
import { fromClipboardText, toClipboardText } from './clipboardText.ts';
import type { DocumentAdapter } from './DocumentAdapter.ts';
import { type HistoryEntry, record, type Stack } from './history.ts';

/** What last changed the document, for announcements and the UI's status line. */
export interface LastChange {
  readonly kind: 'do' | 'undo' | 'redo' | 'load';
  readonly label: LocalizedMessage;
}

/** The state of one open document: the document, the selection, the history and whether it is saved. */
export interface DocumentState<D> {
  readonly document: D;
  /** Selected ids in the order they were selected; the last one is the primary selection. */
  readonly selection: readonly string[];
  readonly past: Stack<D> | undefined;
  readonly future: Stack<D> | undefined;
  /** The version last saved (or loaded); the document is dirty while it is another version. */
  readonly saved: D;
  readonly dirty: boolean;
  readonly lastChange: LastChange | undefined;
}

/** Options of `createDocumentStore`. */
export interface DocumentStoreOptions<D> {
  readonly document: D;
  readonly adapter: DocumentAdapter<D>;
}

/** A zustand vanilla store for one document, with every edit a command. */
export interface DocumentStore<D> {
  /** The zustand store: `getState`, `subscribe`, and `useStore(store, selector)` in React. */
  readonly store: StoreApi<DocumentState<D>>;
  getState(): DocumentState<D>;
  subscribe(listener: (state: DocumentState<D>, previous: DocumentState<D>) => void): () => void;
  /** Runs a command: one undo step (or merged into the last one), or refused with the reason. */
  execute(command: Command<D>): CommandResult;
  undo(): boolean;
  redo(): boolean;
  /** Ends a run of merging edits (a text box lost focus): the next edit is a step of its own. */
  checkpoint(): void;
  select(ids: readonly string[]): void;
  /** Adds an id to the selection, or removes it when it is selected (Ctrl/Cmd+click). */
  toggleSelection(id: string): void;
  /** The selection as clipboard text (JSON), also kept for `paste()`; undefined when nothing is selected. */
  copy(): string | undefined;
  /** Copies, then removes the selection as one undo step. */
  cut(): string | undefined;
  /** Pastes clipboard text (default: the last copied) after the selection. */
  paste(text?: string): CommandResult;
  /** Copies and pastes the selection in one step, leaving the internal clipboard as it was. */
  duplicate(): CommandResult;
  removeSelection(): CommandResult;
  /** The current document was saved (or `document`, a version the server normalised). */
  markSaved(document?: D): void;
  /** Opens another document: a fresh history, nothing selected, clean. */
  load(document: D): void;
}

const NOTHING: readonly string[] = Object.freeze([]);

const LOADED: LocalizedMessage = { 'zh-CN': '打开文档', en: 'Open document' };

/**
 * Creates the store of one document. Undo restores the exact earlier version (the same objects), so
 * an undo back to the saved version is clean again, and incremental validation finds its results.
 */
export function createDocumentStore<D>(options: DocumentStoreOptions<D>): DocumentStore<D> {
  const { adapter } = options;
  const store = createStore<DocumentState<D>>()(() => ({
    document: options.document,
    selection: NOTHING,
    past: undefined,
    future: undefined,
    saved: options.document,
    dirty: false,
    lastChange: undefined,
  }));
  let mergeOpen = false;
  let clipboard: string | undefined;

  const keepExisting = (document: D, selection: readonly string[]) => {
    const kept = selection.filter((id) => adapter.has(document, id));
    return kept.length === selection.length ? selection : kept;
  };

  const execute = (command: Command<D>): CommandResult => {
    const state = store.getState();
    const outcome = command.run(state.document, state.selection);
    if (isRefused(outcome)) return { ok: false, reason: outcome.refused };
    const selection = outcome.selection ?? keepExisting(outcome.document, state.selection);
    if (outcome.document === state.document) {
      if (selection !== state.selection) store.setState({ selection });
      return { ok: true };
    }
    const entry: HistoryEntry<D> = {
      label: command.label,
      mergeKey: command.mergeKey,
      before: state.document,
      after: outcome.document,
      selectionBefore: state.selection,
      selectionAfter: selection,
    };
    store.setState({
      document: outcome.document,
      selection,
      past: record(state.past, entry, mergeOpen),
      future: undefined,
      dirty: outcome.document !== state.saved,
      lastChange: { kind: 'do', label: command.label },
    });
    mergeOpen = command.mergeKey !== undefined;
    return { ok: true };
  };

  const copy = (): string | undefined => {
    const { document, selection } = store.getState();
    if (selection.length === 0) return undefined;
    const payload = adapter.copy(document, selection);
    if (payload === undefined) return undefined;
    clipboard = toClipboardText(adapter.kind, payload);
    return clipboard;
  };

  const paste = (text: string | undefined): CommandResult => {
    if (text === undefined) {
      return { ok: false, reason: { 'zh-CN': '剪贴板是空的', en: 'the clipboard is empty' } };
    }
    const read = fromClipboardText(adapter.kind, text);
    if ('refused' in read) return { ok: false, reason: read.refused };
    return execute(adapter.paste(read.payload));
  };

  const removeSelection = (): CommandResult => {
    const { selection } = store.getState();
    if (selection.length === 0) return { ok: true };
    return execute(adapter.remove(selection));
  };

  const travel = (kind: 'undo' | 'redo'): boolean => {
    const state = store.getState();
    const from = kind === 'undo' ? state.past : state.future;
    if (!from) return false;
    const entry = from.top;
    const document = kind === 'undo' ? entry.before : entry.after;
    const moved = { top: entry, rest: kind === 'undo' ? state.future : state.past };
    const to = { ...moved, size: (moved.rest?.size ?? 0) + 1 };
    store.setState({
      document,
      selection: keepExisting(document, kind === 'undo' ? entry.selectionBefore : entry.selectionAfter),
      past: kind === 'undo' ? from.rest : to,
      future: kind === 'undo' ? to : from.rest,
      dirty: document !== state.saved,
      lastChange: { kind, label: entry.label },
    });
    mergeOpen = false;
    return true;
  };

  return {
    store,
    getState: store.getState,
    subscribe: store.subscribe,
    execute,
    undo: () => travel('undo'),
    redo: () => travel('redo'),
    checkpoint() {
      mergeOpen = false;
    },
    select(ids) {
      const { document, selection } = store.getState();
      const next = keepExisting(document, [...new Set(ids)]);
      if (next.length === selection.length && next.every((id, i) => id === selection[i])) return;
      store.setState({ selection: next.length === 0 ? NOTHING : next });
    },
    toggleSelection(id) {
      const { document, selection } = store.getState();
      if (selection.includes(id)) store.setState({ selection: selection.filter((s) => s !== id) });
      else if (adapter.has(document, id)) store.setState({ selection: [...selection, id] });
    },
    copy,
    cut() {
      const text = copy();
      if (text !== undefined) removeSelection();
      return text;
    },
    paste: (text) => paste(text ?? clipboard),
    duplicate() {
      const { document, selection } = store.getState();
      const payload = selection.length === 0 ? undefined : adapter.copy(document, selection);
      if (payload === undefined) return { ok: true };
      return execute(adapter.paste(payload));
    },
    removeSelection,
    markSaved(document) {
      const state = store.getState();
      const saved = document ?? state.document;
      store.setState({ saved, document: saved, dirty: false });
      mergeOpen = false;
    },
    load(document) {
      store.setState({
        document,
        selection: NOTHING,
        past: undefined,
        future: undefined,
        saved: document,
        dirty: false,
        lastChange: { kind: 'load', label: LOADED },
      });
      mergeOpen = false;
    },
  };
}
