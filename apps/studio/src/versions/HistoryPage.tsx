import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queryString } from '../api/client.ts';
import { useDefinition } from '../api/queries.ts';
import type { DefinitionVersion } from '../api/types.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { useDirectoryNames } from '../records/useDirectoryNames.ts';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { UpstreamComparison } from './UpstreamComparison.tsx';
import { VersionDiff } from './VersionDiff.tsx';

const PAGE = 50;

/** A definition's versions, newest first: what changed in each, publish one, or restore an old one. */
export function HistoryPage({ definitionId }: { readonly definitionId: string }) {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const names = useDirectoryNames();
  const current = useDefinition(definitionId);
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number>();
  const path = `/api/definitions/${encodeURIComponent(definitionId)}`;
  const history = useQuery({
    queryKey: ['definition', definitionId, 'versions', offset],
    queryFn: () =>
      api<{ total: number; versions: DefinitionVersion[] }>(
        `${path}/versions${queryString({ offset, limit: PAGE })}`,
      ),
  });
  const act = useMutation({
    mutationFn: ({ action, version }: { action: 'restore' | 'publish'; version: number }) =>
      api<unknown>(`${path}/${action}`, { method: 'POST', body: { version } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['definition', definitionId] });
      void client.invalidateQueries({ queryKey: ['definitions'] });
    },
  });
  const info = current.data?.info;
  return (
    <section aria-labelledby="history-title">
      <header className="page-header">
        <h1 id="history-title">
          {pick(current.data?.version.content.title as Parameters<typeof pick>[0], locale, definitionId)} ·{' '}
          {t({ 'zh-CN': '版本历史', en: 'Version history' })}
        </h1>
      </header>
      {act.error ? <ErrorNotice error={act.error} /> : null}
      {info?.lineage ? <UpstreamComparison definitionId={definitionId} /> : null}
      <QueryView query={history}>
        {({ total, versions }) => (
          <>
            <ol className="versions">
              {versions.map((version) => (
                <li key={version.version} className="card">
                  <h2>
                    {t({ 'zh-CN': `第 ${version.version} 版`, en: `Version ${version.version}` })}
                    {info?.publishedVersion === version.version ? (
                      <span className="badge">{t({ 'zh-CN': '已发布', en: 'Published' })}</span>
                    ) : null}
                    {info?.headVersion === version.version ? (
                      <span className="badge">{t({ 'zh-CN': '最新', en: 'Latest' })}</span>
                    ) : null}
                  </h2>
                  <p className="muted">
                    {names.users.get(version.author) ?? version.author} ·{' '}
                    <time dateTime={version.createdAt}>
                      {new Date(version.createdAt).toLocaleString(locale)}
                    </time>
                    {version.message ? ` · ${version.message}` : ''}
                    {version.restoredFrom
                      ? ` · ${t({ 'zh-CN': `恢复自第 ${version.restoredFrom} 版`, en: `restored from version ${version.restoredFrom}` })}`
                      : ''}
                  </p>
                  <div className="actions">
                    {version.version > 1 ? (
                      <button
                        type="button"
                        aria-expanded={open === version.version}
                        onClick={() => setOpen(open === version.version ? undefined : version.version)}
                      >
                        {t({ 'zh-CN': '与上一版比较', en: 'Compare with previous' })}
                      </button>
                    ) : null}
                    {info?.publishedVersion !== version.version ? (
                      <button
                        type="button"
                        disabled={act.isPending}
                        onClick={() => act.mutate({ action: 'publish', version: version.version })}
                      >
                        {t({ 'zh-CN': '发布此版', en: 'Publish this version' })}
                      </button>
                    ) : null}
                    {info?.headVersion !== version.version ? (
                      <button
                        type="button"
                        disabled={act.isPending}
                        onClick={() => act.mutate({ action: 'restore', version: version.version })}
                      >
                        {t({ 'zh-CN': '恢复为最新版', en: 'Restore as latest' })}
                      </button>
                    ) : null}
                  </div>
                  {open === version.version ? (
                    <VersionDiff
                      definitionId={definitionId}
                      from={version.version - 1}
                      to={version.version}
                    />
                  ) : null}
                </li>
              ))}
            </ol>
            <nav className="pager" aria-label={t({ 'zh-CN': '翻页', en: 'Pages' })}>
              <button type="button" disabled={offset === 0} onClick={() => setOffset(offset - PAGE)}>
                {t({ 'zh-CN': '更新的', en: 'Newer' })}
              </button>
              <button
                type="button"
                disabled={offset + PAGE >= total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t({ 'zh-CN': '更早的', en: 'Older' })}
              </button>
            </nav>
          </>
        )}
      </QueryView>
    </section>
  );
}
