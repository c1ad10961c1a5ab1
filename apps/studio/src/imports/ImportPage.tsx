import type { FormDefinition } from '@formboard/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { subscribeToImportProgress } from '../api/events.ts';
import { useDefinition } from '../api/queries.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { valueFields } from '../records/recordColumns.ts';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { ImportReportView } from './ImportReportView.tsx';
import {
  forgetSavedMapping,
  type ImportReport,
  type ImportRequest,
  isExcel,
  runImport,
} from './importApi.ts';
import { SavedMappingNotice } from './SavedMappingNotice.tsx';

/** One run of the importer: a check or a commit, with the columns' mapping or the server's choice. */
type Run = Pick<ImportRequest, 'mode' | 'mapping' | 'savedMapping'> & {
  /** A saved mapping to forget before running. */
  readonly forget?: string;
};

/** Import a CSV or Excel file into a form: check it first (nothing written), fix, then import. */
export function ImportPage({ formId }: { readonly formId: string }) {
  const definition = useDefinition(formId);
  return (
    <QueryView query={definition}>
      {(loaded) => <Importer form={loaded.version.content as unknown as FormDefinition} />}
    </QueryView>
  );
}

function Importer({ form }: { readonly form: FormDefinition }) {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const fields = useMemo(() => valueFields(form, locale), [form, locale]);
  const [file, setFile] = useState<File>();
  const [encoding, setEncoding] = useState<ImportRequest['encoding']>('utf-8');
  const [mapping, setMapping] = useState<readonly (string | null)[]>();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [report, setReport] = useState<{ mode: ImportRequest['mode']; report: ImportReport }>();
  const [progress, setProgress] = useState(0);
  useEffect(
    () => subscribeToImportProgress((event) => event.formId === form.id && setProgress(event.rows)),
    [form.id],
  );
  const run = useMutation({
    mutationFn: async ({ forget, ...request }: Run) => {
      if (!file) throw new Error('no file');
      setProgress(0);
      if (forget) await forgetSavedMapping(form.id, forget);
      const answer = await runImport({
        formId: form.id,
        file,
        encoding,
        onInvalid: skipInvalid ? 'skipInvalid' : 'rejectAll',
        ...request,
      });
      return { mode: request.mode, report: answer };
    },
    onSuccess: (done) => {
      setReport(done);
      setMapping(done.report.mapping);
      if (done.report.inserted > 0) void client.invalidateQueries({ queryKey: ['records', form.id] });
    },
  });
  const chooseFile = (chosen: File | undefined) => {
    setFile(chosen);
    setMapping(undefined);
    setReport(undefined);
  };
  const check = (event: FormEvent) => {
    event.preventDefault();
    run.mutate({ mode: 'dryRun', ...(mapping ? { mapping } : {}) });
  };
  // With the mapping on screen: the importer's own from now on (a commit saves it if it is new).
  const again = (mode: ImportRequest['mode']) => run.mutate({ mode, ...(mapping ? { mapping } : {}) });
  const applied = report?.mode === 'dryRun' ? report.report.savedMapping : undefined;
  const committed = report?.mode === 'commit' && report.report.inserted > 0;
  return (
    <section aria-labelledby="import-title" className="import">
      <header className="page-header">
        <h1 id="import-title">
          {pick(form.title, locale, form.id)} · {t({ 'zh-CN': '导入', en: 'Import' })}
        </h1>
        <Link href={`/forms/${encodeURIComponent(form.id)}/records`}>
          {t({ 'zh-CN': '返回记录列表', en: 'Back to records' })}
        </Link>
      </header>
      <form className="card import-file" onSubmit={check}>
        <label>
          {t({ 'zh-CN': '选择 Excel（.xlsx）或 CSV 文件', en: 'Choose an Excel (.xlsx) or CSV file' })}
          <input
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => chooseFile(event.target.files?.[0])}
          />
        </label>
        {file && !isExcel(file) ? (
          <label>
            {t({ 'zh-CN': 'CSV 编码', en: 'CSV encoding' })}
            <select
              value={encoding}
              onChange={(event) => setEncoding(event.target.value as ImportRequest['encoding'])}
            >
              <option value="utf-8">UTF-8</option>
              <option value="gb18030">
                {t({
                  'zh-CN': 'GB18030（Excel 中文版另存的 CSV）',
                  en: 'GB18030 (CSV saved by Chinese Excel)',
                })}
              </option>
            </select>
          </label>
        ) : null}
        <button type="submit" className="primary" disabled={!file || run.isPending}>
          {t({ 'zh-CN': '检查文件（不写入）', en: 'Check the file (writes nothing)' })}
        </button>
      </form>
      {run.isPending ? (
        <p role="status" aria-busy="true">
          {t({ 'zh-CN': `正在处理…已读 ${progress} 行`, en: `Working… ${progress} rows read` })}
        </p>
      ) : null}
      {run.error ? <ErrorNotice error={run.error} /> : null}
      {applied ? (
        <SavedMappingNotice
          applied={applied}
          busy={run.isPending}
          onIgnore={() => run.mutate({ mode: 'dryRun', savedMapping: 'ignore' })}
          onForget={() => run.mutate({ mode: 'dryRun', forget: applied.signature })}
        />
      ) : null}
      {report ? (
        <ImportReportView
          report={report.report}
          committed={report.mode === 'commit'}
          fields={fields}
          mapping={mapping ?? report.report.mapping}
          onMappingChange={setMapping}
        />
      ) : null}
      {report && !committed ? (
        <div className="card actions">
          {report.report.invalid > 0 ? (
            <label className="inline">
              <input
                type="checkbox"
                checked={skipInvalid}
                onChange={(event) => setSkipInvalid(event.target.checked)}
              />
              {t({
                'zh-CN': '跳过有问题的行（可下载这些行，改好后再导入）',
                en: 'Skip the rows with problems (download them to fix and import later)',
              })}
            </label>
          ) : null}
          <button type="button" disabled={run.isPending} onClick={() => again('dryRun')}>
            {t({ 'zh-CN': '按此对应重新检查', en: 'Check again with this mapping' })}
          </button>
          <button
            type="button"
            className="primary"
            disabled={
              run.isPending || report.report.valid === 0 || (report.report.invalid > 0 && !skipInvalid)
            }
            onClick={() => again('commit')}
          >
            {t({ 'zh-CN': `导入 ${report.report.valid} 行`, en: `Import ${report.report.valid} rows` })}
          </button>
        </div>
      ) : null}
    </section>
  );
}
