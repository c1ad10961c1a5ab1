import { describe, expect, it } from 'vitest';
import {
  type Command,
  createDocumentStore,
  type DocumentAdapter,
  entries,
  refuse,
  toClipboardText,
} from '../../src/index.ts';

// A tiny document kind: named notes. The store is generic; the form designer is one of its users.
type Notes = Readonly<Record<string, string>>;

const setNote = (id: string, text: string): Command<Notes> => ({
  label: { 'zh-CN': '编辑', en: 'Edit' },
  mergeKey: `note:${id}`,
  run: (notes) => ({ document: { ...notes, [id]: text } }),
});

const addNote = (id: string): Command<Notes> => ({
  label: { 'zh-CN': '添加', en: 'Add' },
  run: (notes) =>
    Object.hasOwn(notes, id)
      ? refuse('已存在', 'already there')
      : { document: { ...notes, [id]: '' }, selection: [id] },
});

const notesAdapter: DocumentAdapter<Notes> = {
  kind: 'notes',
  has: (notes, id) => Object.hasOwn(notes, id),
  copy: (notes, ids) => Object.fromEntries(ids.map((id) => [id, notes[id]])),
  paste: (payload) => ({
    label: { 'zh-CN': '粘贴', en: 'Paste' },
    run: (notes) => {
      const added = Object.entries(payload as Notes).map(([id, text]) => [`${id}-copy`, text] as const);
      return { document: { ...notes, ...Object.fromEntries(added) }, selection: added.map(([id]) => id) };
    },
  }),
  remove: (ids) => ({
    label: { 'zh-CN': '删除', en: 'Delete' },
    run: (notes) => ({
      document: Object.fromEntries(Object.entries(notes).filter(([id]) => !ids.includes(id))),
    }),
  }),
};

const start: Notes = { a: 'alpha' };
const make = () => createDocumentStore({ document: start, adapter: notesAdapter });

describe('createDocumentStore', () => {
  it('undoes and redoes to the exact earlier and later versions', () => {
    const store = make();
    store.execute(addNote('b'));
    const afterAdd = store.getState().document;
    store.execute(setNote('b', 'beta'));
    expect(store.getState().document).toEqual({ a: 'alpha', b: 'beta' });
    expect(store.undo()).toBe(true);
    expect(store.getState().document).toBe(afterAdd);
    expect(store.undo()).toBe(true);
    expect(store.getState().document).toBe(start);
    expect(store.undo()).toBe(false);
    expect(store.redo()).toBe(true);
    expect(store.getState().document).toBe(afterAdd);
    expect(store.getState().selection).toEqual(['b']);
  });

  it('merges consecutive edits of one property into one step, until a checkpoint', () => {
    const store = make();
    for (const text of ['a', 'al', 'alp']) store.execute(setNote('a', text));
    expect(store.getState().past?.size).toBe(1);
    store.checkpoint();
    store.execute(setNote('a', 'alpine'));
    expect(store.getState().past?.size).toBe(2);
    store.undo();
    expect(store.getState().document.a).toBe('alp');
    store.undo();
    expect(store.getState().document).toBe(start);
  });

  it('does not merge edits of different properties, nor across an undo', () => {
    const store = make();
    store.execute(setNote('a', 'x'));
    store.execute(setNote('z', 'y'));
    expect(store.getState().past?.size).toBe(2);
    store.undo();
    store.redo();
    store.execute(setNote('z', 'yz'));
    expect(store.getState().past?.size).toBe(3);
  });

  it('reports refusals with their reason and leaves history alone', () => {
    const store = make();
    const result = store.execute(addNote('a'));
    expect(result).toEqual({ ok: false, reason: { 'zh-CN': '已存在', en: 'already there' } });
    expect(store.getState().past).toBeUndefined();
  });

  it('is dirty until saved, and clean again when undone back to the saved version', () => {
    const store = make();
    store.execute(setNote('a', 'changed'));
    expect(store.getState().dirty).toBe(true);
    store.markSaved();
    expect(store.getState().dirty).toBe(false);
    store.undo();
    expect(store.getState().dirty).toBe(true);
    store.redo();
    expect(store.getState().dirty).toBe(false);
  });

  it('keeps an unlimited history and lists it from the latest step', () => {
    const store = make();
    for (let i = 0; i < 2000; i++) store.execute(addNote(`n${i}`));
    expect(store.getState().past?.size).toBe(2000);
    expect(entries(store.getState().past)[0]?.after).toBe(store.getState().document);
    for (let i = 0; i < 2000; i++) store.undo();
    expect(store.getState().document).toBe(start);
    expect(store.getState().future?.size).toBe(2000);
  });

  it('selects, toggles and drops removed ids from the selection', () => {
    const store = make();
    store.execute(addNote('b'));
    store.select(['a', 'missing', 'a']);
    expect(store.getState().selection).toEqual(['a']);
    store.toggleSelection('b');
    expect(store.getState().selection).toEqual(['a', 'b']);
    store.toggleSelection('a');
    expect(store.getState().selection).toEqual(['b']);
    store.execute(notesAdapter.remove(['b']));
    expect(store.getState().selection).toEqual([]);
  });

  it('copies to JSON text and pastes it, here or in another store of the same kind', () => {
    const store = make();
    store.select(['a']);
    const text = store.copy();
    expect(JSON.parse(text ?? '')).toMatchObject({ kind: 'notes', payload: { a: 'alpha' } });
    const other = make();
    expect(other.paste(text)).toEqual({ ok: true });
    expect(other.getState().document).toEqual({ a: 'alpha', 'a-copy': 'alpha' });
    expect(other.getState().selection).toEqual(['a-copy']);
  });

  it('cuts in one step and duplicates without touching the clipboard', () => {
    const store = make();
    store.execute(addNote('b'));
    store.select(['b']);
    store.cut();
    expect(store.getState().document).toEqual(start);
    store.paste();
    expect(store.getState().document).toEqual({ a: 'alpha', 'b-copy': '' });
    store.select(['a']);
    store.duplicate();
    expect(Object.keys(store.getState().document)).toEqual(['a', 'b-copy', 'a-copy']);
    store.paste();
    expect(Object.keys(store.getState().document)).toContain('b-copy');
  });

  it('refuses text that is not ours, from another version or of another kind', () => {
    const store = make();
    expect(store.paste('hello')).toMatchObject({ ok: false });
    expect(store.paste(undefined)).toMatchObject({ ok: false, reason: { en: 'the clipboard is empty' } });
    const wrongKind = toClipboardText('dashboard', {});
    const refused = store.paste(wrongKind);
    expect(refused.ok).toBe(false);
    const future = JSON.stringify({ format: 'formboard/clipboard', version: 99, kind: 'notes', payload: {} });
    expect(store.paste(future)).toMatchObject({
      ok: false,
      reason: { en: expect.stringContaining('version') },
    });
  });

  it('loads another document with a fresh history', () => {
    const store = make();
    store.execute(setNote('a', 'x'));
    store.load({ b: 'new' });
    expect(store.getState()).toMatchObject({ document: { b: 'new' }, dirty: false, past: undefined });
    expect(store.undo()).toBe(false);
  });
});
