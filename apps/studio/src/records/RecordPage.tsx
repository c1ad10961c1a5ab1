import { FormView, openFormEngine } from '@formboard/form-runtime';
import type { FormDefinition } from '@formboard/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
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
        </div>
      </header>
      {save.error ? <ErrorNotice error={save.error} /> : null}
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
