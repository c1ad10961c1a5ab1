import type { FormDefinition } from '@formboard/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, queryString } from '../api/client.ts';
import { suggestBoard } from '../boards/suggestBoard.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';
import { ImportReportView } from '../imports/ImportReportView.tsx';
import { type ImportReport, runImport, uploadOf } from '../imports/importApi.ts';
import { valueFields } from '../records/recordColumns.ts';
import { ErrorNotice } from '../ui/states.tsx';

/** What kind of field a schema is, in words. */
function kindText(schema: Record<string, unknown>): Text {
  if (schema.enum)
    return {
      'zh-CN': `选项（${(schema.enum as unknown[]).length} 个）`,
      en: `choice (${(schema.enum as unknown[]).length})`,
    };
  if (schema.format === 'date') return { 'zh-CN': '日期', en: 'date' };
  if (schema.type === 'integer') return { 'zh-CN': '整数', en: 'whole number' };
  if (schema.type === 'number') return { 'zh-CN': '数字', en: 'number' };
  if (schema.type === 'boolean') return { 'zh-CN': '是/否', en: 'yes/no' };
  return { 'zh-CN': '文本', en: 'text' };
}

// Ids must start with a letter; a time-based one is unique enough for a person creating forms by hand.
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}`;

type Step =
  | { readonly at: 'choose' }
  | { readonly at: 'preview'; readonly definition: FormDefinition }
  | { readonly at: 'imported'; readonly definition: FormDefinition; readonly report: ImportReport };

/** From an Excel or CSV sheet to a form with its rows imported, and a first board, in a few clicks. */
export function NewFromFilePage() {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const [, navigate] = useLocation();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File>();
  const [step, setStep] = useState<Step>({ at: 'choose' });
  const infer = useMutation({
    mutationFn: (chosen: File) =>
      api<{ definition: FormDefinition }>(`/api/forms/infer${queryString({ id: newId('form'), title })}`, {
        method: 'POST',
        file: uploadOf(chosen),
      }),
    onSuccess: ({ definition }) => setStep({ at: 'preview', definition }),
  });
  const create = useMutation({
    mutationFn: async (definition: FormDefinition) => {
      if (!file) throw new Error('no file');
      const path = `/api/definitions/${encodeURIComponent(definition.id)}`;
      await api('/api/definitions', { method: 'POST', body: { definition, message: file.name } });
      await api(`${path}/publish`, { method: 'POST', body: { version: 1 } });
      const report = await runImport({
        formId: definition.id,
        file,
        mode: 'commit',
        onInvalid: 'skipInvalid',
        encoding: 'utf-8',
      });
      return { definition, report };
    },
    onSuccess: ({ definition, report }) => {
      void client.invalidateQueries({ queryKey: ['definitions'] });
      setStep({ at: 'imported', definition, report });
    },
  });
  const board = useMutation({
    mutationFn: async (definition: FormDefinition) => {
      const dashboard = suggestBoard(definition, newId('board'), locale);
      await api('/api/definitions', { method: 'POST', body: { definition: dashboard } });
      await api(`/api/definitions/${encodeURIComponent(dashboard.id)}/publish`, {
        method: 'POST',
        body: { version: 1 },
      });
      return dashboard.id;
    },
    onSuccess: (id) => {
      void client.invalidateQueries({ queryKey: ['definitions'] });
      navigate(`/boards/${encodeURIComponent(id)}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) infer.mutate(file);
  };
  return (
    <section aria-labelledby="new-form-title" className="import">
      <header className="page-header">
        <h1 id="new-form-title">{t({ 'zh-CN': '从 Excel 新建表单', en: 'New form from Excel' })}</h1>
      </header>
      <form className="card import-file" onSubmit={submit}>
        <label>
          {t({ 'zh-CN': '表单名称', en: 'Form name' })}
          <input required maxLength={200} value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label>
          {t({
            'zh-CN': '选择 Excel（.xlsx）或 CSV 文件（第一行是列名）',
            en: 'Choose an Excel (.xlsx) or CSV file (first row: column names)',
          })}
          <input type="file" accept=".xlsx,.csv" onChange={(event) => setFile(event.target.files?.[0])} />
        </label>
        <button type="submit" className="primary" disabled={!file || !title || infer.isPending}>
          {t({ 'zh-CN': '识别字段', en: 'Detect the fields' })}
        </button>
        {infer.error ? <ErrorNotice error={infer.error} /> : null}
      </form>
      {step.at === 'preview' ? (
        <div className="card stack">
          <h2>{t({ 'zh-CN': '识别出的字段', en: 'Detected fields' })}</h2>
          <ul>
            {Object.entries(step.definition.data.properties ?? {}).map(([key, schema]) => (
              <li key={key}>
                {String((schema as Record<string, unknown>).title ?? key)} —{' '}
                {t(kindText(schema as Record<string, unknown>))}
              </li>
            ))}
          </ul>
          <p className="muted">
            {t({
              'zh-CN': '创建后可以在设计器里调整字段。',
              en: 'You can refine the fields in the designer afterwards.',
            })}
          </p>
          <button
            type="button"
            className="primary"
            disabled={create.isPending}
            onClick={() => create.mutate(step.definition)}
          >
            {t({ 'zh-CN': '创建表单并导入数据', en: 'Create the form and import the rows' })}
          </button>
          {create.error ? <ErrorNotice error={create.error} /> : null}
        </div>
      ) : null}
      {step.at === 'imported' ? (
        <div className="stack">
          <ImportReportView
            report={step.report}
            committed
            fields={valueFields(step.definition, locale)}
            mapping={step.report.mapping}
            onMappingChange={() => undefined}
          />
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={board.isPending}
              onClick={() => board.mutate(step.definition)}
            >
              {t({ 'zh-CN': '生成看板', en: 'Make a board' })}
            </button>
            <Link href={`/forms/${encodeURIComponent(step.definition.id)}/records`}>
              {t({ 'zh-CN': '查看记录', en: 'View records' })}
            </Link>
          </div>
          {board.error ? <ErrorNotice error={board.error} /> : null}
        </div>
      ) : null}
    </section>
  );
}
