import type { FormDefinition } from '@formboard/schema';
import { type FormEvent, useMemo, useState } from 'react';
import { Link, useSearch } from 'wouter';
import { useDefinition, useRecords } from '../api/queries.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { Empty, ErrorNotice, Loading, QueryView } from '../ui/states.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';
import { type BoardSelection, selectionFormula } from './boardSelection.ts';
import { cellText, recordColumns } from './recordColumns.ts';
import { useDirectoryNames } from './useDirectoryNames.ts';

const PAGE_SIZE = 50;

/** A form's records within the caller's scope: filter by formula, sort by a column, page, export. */
export function RecordsPage({ formId }: { readonly formId: string }) {
  const definition = useDefinition(formId);
  return (
    <QueryView query={definition}>
      {(loaded) => <RecordsTable form={loaded.version.content as unknown as FormDefinition} />}
    </QueryView>
  );
}

function RecordsTable({ form }: { readonly form: FormDefinition }) {
  const { locale, t } = useLocale();
  const names = useDirectoryNames();
  const columns = useMemo(() => recordColumns(form, locale), [form, locale]);
  // A board's click-through arrives as ?where={values, bucket, filter}: it starts the filter.
  const search = useSearch();
  const initial = useMemo(() => {
    const where = new URLSearchParams(search).get('where');
    if (!where) return '';
    try {
      return selectionFormula(form, JSON.parse(where) as BoardSelection);
    } catch {
      return '';
    }
  }, [search, form]);
  const [filterText, setFilterText] = useState(initial);
  const [filter, setFilter] = useState(initial);
  const [sort, setSort] = useState<{ path: string; desc: boolean }>();
  const [page, setPage] = useState(0);
  const records = useRecords(form.id, {
    ...(filter ? { filter } : {}),
    ...(sort ? { sort: `${sort.desc ? '-' : ''}${sort.path}` } : {}),
    offset: page * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
  const applyFilter = (event: FormEvent) => {
    event.preventDefault();
    setPage(0);
    setFilter(filterText.trim());
  };
  const toggleSort = (path: string) => {
    setPage(0);
    setSort((current) => (current?.path === path ? { path, desc: !current.desc } : { path, desc: false }));
  };
  const total = records.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const formPath = `/forms/${encodeURIComponent(form.id)}`;
  return (
    <section aria-labelledby="records-title">
      <header className="page-header">
        <h1 id="records-title">
          {pick(form.title, locale, form.id)} · {t({ 'zh-CN': '记录', en: 'Records' })}
        </h1>
        <div className="actions">
          <Link href={`${formPath}/fill`} className="button primary">
            {t({ 'zh-CN': '填写', en: 'Fill in' })}
          </Link>
          <Link href={`${formPath}/import`} className="button">
            {t({ 'zh-CN': '导入', en: 'Import' })}
          </Link>
          <a className="button" href={`/api${formPath}/records/export?format=csv`} download>
            {t({ 'zh-CN': '导出 CSV', en: 'Export CSV' })}
          </a>
          <a className="button" href={`/api${formPath}/records/export?format=xlsx`} download>
            {t({ 'zh-CN': '导出 Excel', en: 'Export Excel' })}
          </a>
        </div>
      </header>
      <form className="filter-bar" onSubmit={applyFilter}>
        <label>
          {t({ 'zh-CN': '筛选（公式）', en: 'Filter (formula)' })}
          <input
            value={filterText}
            placeholder={t({ 'zh-CN': '例如 progress < 50', en: 'e.g. progress < 50' })}
            onChange={(event) => setFilterText(event.target.value)}
          />
        </label>
        <button type="submit">{t({ 'zh-CN': '筛选', en: 'Apply' })}</button>
      </form>
      {records.error ? <ErrorNotice error={records.error} retry={() => void records.refetch()} /> : null}
      {records.isPending ? <Loading /> : null}
      {records.data && total === 0 ? (
        <Empty>
          <p>{t({ 'zh-CN': '还没有记录。', en: 'No records yet.' })}</p>
          <Link href={`${formPath}/fill`}>{t({ 'zh-CN': '填写第一条', en: 'Fill in the first one' })}</Link>
        </Empty>
      ) : null}
      {records.data && total > 0 ? (
        <>
          <TableScroll label={{ 'zh-CN': '记录', en: 'Records' }}>
            <table className="records">
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column.path}
                      scope="col"
                      aria-sort={
                        sort?.path === column.path ? (sort.desc ? 'descending' : 'ascending') : undefined
                      }
                    >
                      <button type="button" onClick={() => toggleSort(column.path)}>
                        {column.title}
                      </button>
                    </th>
                  ))}
                  <th scope="col">{t({ 'zh-CN': '更新时间', en: 'Updated' })}</th>
                </tr>
              </thead>
              <tbody>
                {records.data.records.map((record) => (
                  <tr key={record.id}>
                    {columns.map((column, index) => {
                      const text = cellText(column.field, record.data[column.path], locale, names);
                      return (
                        <td key={column.path}>
                          {index === 0 ? (
                            <Link href={`/records/${encodeURIComponent(record.id)}`}>{text || '—'}</Link>
                          ) : (
                            text
                          )}
                        </td>
                      );
                    })}
                    <td>{new Date(record.updatedAt).toLocaleString(locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <nav className="pager" aria-label={t({ 'zh-CN': '翻页', en: 'Pages' })}>
            <button type="button" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
              {t({ 'zh-CN': '上一页', en: 'Previous' })}
            </button>
            <span>
              {page + 1} / {pages} · {t({ 'zh-CN': `共 ${total} 条`, en: `${total} in all` })}
            </span>
            <button type="button" disabled={page + 1 >= pages} onClick={() => setPage((p) => p + 1)}>
              {t({ 'zh-CN': '下一页', en: 'Next' })}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
