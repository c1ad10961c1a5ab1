import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, queryString } from '../api/client.ts';
import { useLocale } from '../i18n/locale.tsx';
import { useDirectoryNames } from '../records/useDirectoryNames.ts';
import { ErrorNotice, QueryView } from '../ui/states.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';
import { AdminNav } from './AdminNav.tsx';
import { auditActionLabel } from './auditActions.ts';

interface AuditEntry {
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly summary: Readonly<Record<string, unknown>>;
}

interface Verification {
  readonly ok: boolean;
  readonly entries: number;
  readonly brokenAt?: number;
  readonly reason?: 'hash' | 'link';
}

const PAGE = 100;

/** The audit log, newest first, and the check of its hash chain. */
export function AuditPage() {
  const { locale, t } = useLocale();
  const names = useDirectoryNames();
  // Pages are addressed by the sequence number to read below; the stack goes back to newer pages.
  const [pages, setPages] = useState<readonly (number | undefined)[]>([undefined]);
  const beforeSeq = pages[pages.length - 1];
  const entries = useQuery({
    queryKey: ['audit', beforeSeq],
    queryFn: () => api<AuditEntry[]>(`/api/audit${queryString({ limit: PAGE, beforeSeq })}`),
  });
  const verify = useMutation({
    mutationFn: () => api<Verification>('/api/audit/verify', { method: 'POST' }),
  });
  const result = verify.data;
  return (
    <section aria-labelledby="audit-title">
      <AdminNav />
      <header className="page-header">
        <h1 id="audit-title">{t({ 'zh-CN': '审计日志', en: 'Audit log' })}</h1>
        <button type="button" className="primary" disabled={verify.isPending} onClick={() => verify.mutate()}>
          {t({ 'zh-CN': '校验完整性', en: 'Verify integrity' })}
        </button>
      </header>
      {verify.error ? <ErrorNotice error={verify.error} /> : null}
      {result ? (
        <p role="status" className={result.ok ? 'notice success' : 'state state-error'}>
          {result.ok
            ? t({
                'zh-CN': `校验通过：${result.entries} 条记录的哈希链完整，没有被改动。`,
                en: `Verified: the hash chain of ${result.entries} entries is intact; nothing was altered.`,
              })
            : t({
                'zh-CN': `校验失败：第 ${result.brokenAt} 条记录${result.reason === 'link' ? '与前一条的链接断开' : '的内容被改动'}。`,
                en: `Verification failed: entry ${result.brokenAt} ${result.reason === 'link' ? 'no longer links to the one before' : 'was altered'}.`,
              })}
        </p>
      ) : null}
      <QueryView query={entries}>
        {(list) => (
          <>
            <TableScroll label={{ 'zh-CN': '审计日志', en: 'Audit log' }}>
              <table className="records">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t({ 'zh-CN': '时间', en: 'Time' })}</th>
                    <th scope="col">{t({ 'zh-CN': '操作人', en: 'Actor' })}</th>
                    <th scope="col">{t({ 'zh-CN': '操作', en: 'Action' })}</th>
                    <th scope="col">{t({ 'zh-CN': '对象', en: 'Object' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((entry) => (
                    <tr key={entry.seq}>
                      <td>{entry.seq}</td>
                      <td>
                        <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale)}</time>
                      </td>
                      <td>{names.users.get(entry.actor) ?? entry.actor}</td>
                      <td title={entry.action}>{auditActionLabel(entry.action, locale)}</td>
                      <td>
                        {entry.entityType} · {entry.entityId}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <nav className="pager" aria-label={t({ 'zh-CN': '翻页', en: 'Pages' })}>
              <button
                type="button"
                disabled={pages.length === 1}
                onClick={() => setPages(pages.slice(0, -1))}
              >
                {t({ 'zh-CN': '更新的', en: 'Newer' })}
              </button>
              <button
                type="button"
                disabled={list.length < PAGE}
                onClick={() => setPages([...pages, list[list.length - 1]?.seq])}
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
