import type { DashboardDefinition } from '@formboard/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice } from '../ui/states.tsx';

/** An empty board named by the user; its id is generated (stable, never from the title). */
function emptyBoard(title: string): DashboardDefinition {
  const id = `board-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    kind: 'dashboard',
    id,
    schemaVersion: 1,
    title: { 'zh-CN': title, en: title },
    grid: { columns: 12 },
    widgets: [],
  };
}

/** "New board": a title, then the board designer on the new, empty board. */
export function NewBoard() {
  const { t } = useLocale();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: async () => {
      const definition = emptyBoard(title.trim());
      await api('/api/definitions', { method: 'POST', body: { definition } });
      return definition.id;
    },
    // A full page load: the designer's page has its own security policy (see the server's studio.ts).
    onSuccess: (id) => window.location.assign(`/boards/${encodeURIComponent(id)}/design`),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  if (!open)
    return (
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {t({ 'zh-CN': '新建看板', en: 'New board' })}
      </button>
    );
  return (
    <form className="stack new-board" onSubmit={submit}>
      <label>
        {t({ 'zh-CN': '看板名称', en: 'Board name' })}
        <input required maxLength={100} value={title} onChange={(event) => setTitle(event.target.value)} />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={create.isPending || title.trim() === ''}>
          {t({ 'zh-CN': '创建并设计', en: 'Create and design' })}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t({ 'zh-CN': '取消', en: 'Cancel' })}
        </button>
      </div>
      {create.error ? <ErrorNotice error={create.error} /> : null}
    </form>
  );
}
