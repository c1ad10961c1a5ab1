import { FormView, openFormEngine } from '@formboard/form-runtime';
import type { FormDefinition } from '@formboard/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.ts';
import { useDefinition, useRecord } from '../api/queries.ts';
import type { StoredRecord } from '../api/types.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { RecordHistory } from './RecordHistory.tsx';

/** One record: read it (print mode), edit it (the server refuses a stale revision), see its history. */
export function RecordPage({ recordId }: { readonly recordId: string }) {
  const record = useRecord(recordId);
  return <QueryView query={record}>{(loaded) => <RecordWithForm record={loaded} />}</QueryView>;
}

function RecordWithForm({ record }: { readonly record: StoredRecord }) {
  const definition = useDefinition(record.formId);
  return (
    <QueryView query={definition}>
      {(loaded) => (
        <RecordView
          key={`${record.id}:${record.revision}`}
          record={record}
          form={loaded.version.content as unknown as FormDefinition}
        />
      )}
    </QueryView>
  );
}

function RecordView({ record, form }: { readonly record: StoredRecord; readonly form: FormDefinition }) {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [, navigate] = useLocation();
  const remove = useMutation({
    mutationFn: () => api<void>(`/api/records/${encodeURIComponent(record.id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['records', record.formId] });
      navigate(`/forms/${encodeURIComponent(record.formId)}/records`);
    },
  });
  const engine = useMemo(() => openFormEngine(form, { locale, value: record.data }), [form, record, locale]);
  const save = useMutation({
    mutationFn: (data: Readonly<Record<string, unknown>>) =>
      api<StoredRecord>(`/api/records/${encodeURIComponent(record.id)}`, {
        method: 'PUT',
        body: { data, baseRevision: record.revision },
      }),
    onSuccess: (saved) => {
      client.setQueryData(['record', saved.id], saved);
      void client.invalidateQueries({ queryKey: ['record', saved.id, 'history'] });
      void client.invalidateQueries({ queryKey: ['records', saved.formId] });
      setEditing(false);
    },
  });
  return (
    <section aria-labelledby="record-title">
      <header className="page-header">
        <h1 id="record-title">{pick(form.title, locale, form.id)}</h1>
        <div className="actions">
          <Link href={`/forms/${encodeURIComponent(form.id)}/records`}>
            {t({ 'zh-CN': '返回记录列表', en: 'Back to records' })}
          </Link>
          <button type="button" onClick={() => setEditing((on) => !on)} aria-pressed={editing}>
            {editing ? t({ 'zh-CN': '取消编辑', en: 'Cancel editing' }) : t({ 'zh-CN': '编辑', en: 'Edit' })}
          </button>
          {confirming ? (
            <>
              <button
                type="button"
                className="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate()}
              >
                {t({ 'zh-CN': '确认删除（历史保留）', en: 'Delete (history is kept)' })}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                {t({ 'zh-CN': '不删除', en: 'Keep it' })}
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {t({ 'zh-CN': '删除', en: 'Delete' })}
            </button>
          )}
        </div>
      </header>
      {save.error ? <ErrorNotice error={save.error} /> : null}
      {remove.error ? <ErrorNotice error={remove.error} /> : null}
      <FormView
        engine={engine}
        locale={locale}
        readOnly={!editing}
        hideTitle
        onSubmit={(value) => save.mutate(value)}
      />
      <RecordHistory recordId={record.id} form={form} />
    </section>
  );
}
