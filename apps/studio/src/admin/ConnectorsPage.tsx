import { describeCron } from '@formboard/designer';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client.ts';
import { useDefinitions } from '../api/queries.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { useDirectoryNames } from '../records/useDirectoryNames.ts';
import { Empty, ErrorNotice, QueryView } from '../ui/states.tsx';
import { AdminNav } from './AdminNav.tsx';
import { ConnectorEditor } from './ConnectorEditor.tsx';
import { ConnectorRunView } from './ConnectorRunView.tsx';
import type { Connector, ConnectorRun } from './connectorTypes.ts';
import { OutboundHosts } from './OutboundHosts.tsx';

/** Data from other systems: the outbound allow-list and HTTP pull connectors (create, edit, run now, history). */
export function ConnectorsPage() {
  const { t } = useLocale();
  const connectors = useQuery({
    queryKey: ['connectors'],
    queryFn: () => api<Connector[]>('/api/connectors'),
  });
  const [editing, setEditing] = useState<Connector | 'new' | undefined>(undefined);
  return (
    <section aria-labelledby="connectors-title" className="stack">
      <AdminNav />
      <header className="page-header">
        <h1 id="connectors-title">{t({ 'zh-CN': '数据连接', en: 'Connectors' })}</h1>
        {editing ? null : (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t({ 'zh-CN': '新建数据连接', en: 'New connector' })}
          </button>
        )}
      </header>
      {editing ? (
        <ConnectorEditor
          key={editing === 'new' ? 'new' : editing.id}
          {...(editing === 'new' ? {} : { connector: editing })}
          onDone={() => setEditing(undefined)}
        />
      ) : null}
      <QueryView query={connectors}>
        {(list) =>
          list.length === 0 ? (
            <Empty>
              {t({
                'zh-CN': '还没有数据连接。连接会定期或手动从 ERP、MES 等系统的接口拉取数据，写成表单记录。',
                en: 'No connectors yet. A connector pulls rows from another system (ERP, MES…) over HTTP and writes them as records.',
              })}
            </Empty>
          ) : (
            <ul className="cards">
              {list.map((connector) => (
                <ConnectorCard
                  key={connector.id}
                  connector={connector}
                  onEdit={() => setEditing(connector)}
                />
              ))}
            </ul>
          )
        }
      </QueryView>
      <OutboundHosts />
    </section>
  );
}

function ConnectorCard({
  connector,
  onEdit,
}: {
  readonly connector: Connector;
  readonly onEdit: () => void;
}) {
  const { locale, t } = useLocale();
  const client = useQueryClient();
  const names = useDirectoryNames();
  const forms = useDefinitions('form');
  const form = forms.data?.find((f) => f.id === connector.formId);
  // The server words run errors in the request's language: another language is another answer.
  const runsKey = ['connectors', connector.id, 'runs', locale];
  const runs = useQuery({
    queryKey: runsKey,
    queryFn: () => api<ConnectorRun[]>(`/api/connectors/${encodeURIComponent(connector.id)}/runs`),
  });
  const run = useMutation({
    mutationFn: () =>
      api<ConnectorRun>(`/api/connectors/${encodeURIComponent(connector.id)}/run`, { method: 'POST' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: runsKey }),
  });
  return (
    <li className="card stack">
      <h2>{connector.name}</h2>
      <p className="muted">
        {connector.method} <code>{connector.url}</code> → {t({ 'zh-CN': '表单', en: 'form' })}{' '}
        {pick(form?.title, locale, connector.formId)}
        {t({ 'zh-CN': '，归属 ', en: ', owned by ' })}
        {names.users.get(connector.runAs) ?? connector.runAs}
        {connector.disabled ? t({ 'zh-CN': '（已停用）', en: ' (disabled)' }) : ''}
        {connector.schedule
          ? ` · ${t(describeCron(connector.schedule.cron))}${t({ 'zh-CN': ' 自动运行', en: ', on its own' })}`
          : ''}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={run.isPending || connector.disabled}
          onClick={() => run.mutate()}
        >
          {run.isPending
            ? t({ 'zh-CN': '正在运行…', en: 'Running…' })
            : t({ 'zh-CN': '立即运行', en: 'Run now' })}
        </button>
        <button type="button" onClick={onEdit}>
          {t({ 'zh-CN': '编辑', en: 'Edit' })}
        </button>
      </div>
      {run.error ? <ErrorNotice error={run.error} /> : null}
      <QueryView query={runs}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted">{t({ 'zh-CN': '还没有运行过。', en: 'Never run yet.' })}</p>
          ) : (
            <ol
              className="items"
              aria-label={t({ 'zh-CN': `${connector.name} 的运行记录`, en: `Runs of ${connector.name}` })}
            >
              {list.slice(0, 5).map((entry) => (
                <ConnectorRunView key={entry.id} run={entry} />
              ))}
            </ol>
          )
        }
      </QueryView>
    </li>
  );
}
