import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice } from '../ui/states.tsx';

// The server's rule for definition ids (what URLs and formulas use).
const ID_PATTERN = '[A-Za-z][A-Za-z0-9_\\-]*';

/** Copies a definition under a new id (its lineage is kept), then opens the copy's history. */
export function CloneForm({ sourceId }: { readonly sourceId: string }) {
  const { t } = useLocale();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [newId, setNewId] = useState(`${sourceId}-copy`);
  const clone = useMutation({
    mutationFn: () =>
      api<{ id: string }>(`/api/definitions/${encodeURIComponent(sourceId)}/clone`, {
        method: 'POST',
        body: { newId },
      }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['definitions'] });
      navigate(`/definitions/${encodeURIComponent(newId)}/history`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    clone.mutate();
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t({ 'zh-CN': '复制', en: 'Clone' })}
      </button>
    );
  return (
    <form className="stack clone-form" onSubmit={submit}>
      <label>
        {t({
          'zh-CN': '新表单的标识（字母开头，可含数字、- 和 _）',
          en: 'Id of the copy (a letter, then letters, digits, - or _)',
        })}
        <input
          required
          pattern={ID_PATTERN}
          maxLength={100}
          value={newId}
          onChange={(event) => setNewId(event.target.value)}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={clone.isPending}>
          {t({ 'zh-CN': '复制', en: 'Clone' })}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t({ 'zh-CN': '取消', en: 'Cancel' })}
        </button>
      </div>
      {clone.error ? <ErrorNotice error={clone.error} /> : null}
    </form>
  );
}
