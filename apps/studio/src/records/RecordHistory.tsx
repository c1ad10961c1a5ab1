import type { FormDefinition } from '@formboard/schema';
import { useMemo } from 'react';
import { useRecordHistory } from '../api/queries.ts';
import type { RecordRevision } from '../api/types.ts';
import { type Text, useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';
import { cellText, recordColumns } from './recordColumns.ts';
import { useDirectoryNames } from './useDirectoryNames.ts';

const OPERATION: Record<RecordRevision['operation'], Text> = {
  create: { 'zh-CN': '创建', en: 'created' },
  update: { 'zh-CN': '修改', en: 'changed' },
  delete: { 'zh-CN': '删除', en: 'deleted' },
};

/** The top-level fields whose values differ between two revisions. */
function changedPaths(before: RecordRevision['data'] | undefined, after: RecordRevision['data']): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  return [...keys].filter((key) => JSON.stringify(before?.[key]) !== JSON.stringify(after[key]));
}

/** Every revision of a record, newest first: who, when, and which fields changed to what. */
export function RecordHistory({
  recordId,
  form,
}: {
  readonly recordId: string;
  readonly form: FormDefinition;
}) {
  const { locale, t } = useLocale();
  const history = useRecordHistory(recordId);
  const names = useDirectoryNames();
  const columns = useMemo(
    () => new Map(recordColumns(form, locale).map((column) => [column.path, column])),
    [form, locale],
  );
  return (
    <section className="history" aria-labelledby="history-title">
      <h2 id="history-title">{t({ 'zh-CN': '修改历史', en: 'History' })}</h2>
      <QueryView query={history}>
        {(revisions) => (
          <ol reversed>
            {[...revisions].reverse().map((revision) => {
              const previous = revisions.find((r) => r.revision === revision.revision - 1);
              const changed =
                revision.operation === 'update' ? changedPaths(previous?.data, revision.data) : [];
              return (
                <li key={revision.revision}>
                  <strong>
                    {names.users.get(revision.changedBy) ?? revision.changedBy}{' '}
                    {t(OPERATION[revision.operation])}
                  </strong>{' '}
                  <time dateTime={revision.changedAt}>
                    {new Date(revision.changedAt).toLocaleString(locale)}
                  </time>
                  {changed.length > 0 ? (
                    <ul>
                      {changed.map((path) => {
                        const column = columns.get(path);
                        const show = (value: unknown) =>
                          column ? cellText(column.field, value, locale, names) : JSON.stringify(value ?? '');
                        return (
                          <li key={path}>
                            {column?.title ?? path}: {show(previous?.data[path]) || '—'} →{' '}
                            {show(revision.data[path]) || '—'}
                          </li>
                        );
                      })}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </QueryView>
    </section>
  );
}
