import { useQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { useDefinitions } from '../api/queries.ts';
import { pick, type Text, useLocale } from '../i18n/locale.tsx';
import { Empty, QueryView } from '../ui/states.tsx';
import { TableScroll } from '../ui/TableScroll.tsx';

/** A run as the run history lists it (designers do not get the record values a run carries). */
interface RunSummary {
  readonly id: string;
  readonly workflowVersion: number;
  readonly eventKey: string;
  readonly status: 'running' | 'waiting' | 'done' | 'failed';
  readonly stepId: string | null;
  readonly error: Text | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

const STATUS: Record<RunSummary['status'], Text> = {
  running: { 'zh-CN': '运行中', en: 'running' },
  waiting: { 'zh-CN': '等待中', en: 'waiting' },
  done: { 'zh-CN': '已完成', en: 'done' },
  failed: { 'zh-CN': '失败', en: 'failed' },
};

/** The workflows, each linking to its designer, its run history and its versions. */
export function WorkflowsPage() {
  const { locale, t } = useLocale();
  const workflows = useDefinitions('workflow');
  return (
    <section aria-labelledby="workflows-title">
      <header className="page-header">
        <h1 id="workflows-title">{t({ 'zh-CN': '流程', en: 'Workflows' })}</h1>
      </header>
      <QueryView query={workflows}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t({ 'zh-CN': '还没有流程。', en: 'No workflows yet.' })}</Empty>
          ) : (
            <ul className="cards">
              {list.map((workflow) => (
                <li key={workflow.id} className="card stack">
                  <h2>{pick(workflow.title, locale, workflow.id)}</h2>
                  <div className="actions">
                    {/* A full page load: the designer's page has its own security policy (see the server's studio.ts). */}
                    <a href={`/workflows/${encodeURIComponent(workflow.id)}/design`} className="button">
                      {t({ 'zh-CN': '设计', en: 'Design' })}
                    </a>
                    <Link href={`/workflows/${encodeURIComponent(workflow.id)}/runs`} className="button">
                      {t({ 'zh-CN': '运行记录', en: 'Runs' })}
                    </Link>
                    <Link href={`/definitions/${encodeURIComponent(workflow.id)}/history`} className="button">
                      {t({ 'zh-CN': '版本历史', en: 'Versions' })}
                    </Link>
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}

/** A workflow's runs, newest first: what started each, where it is, and why it failed. */
export function WorkflowRunsPage({ workflowId }: { readonly workflowId: string }) {
  const { locale, t } = useLocale();
  const runs = useQuery({
    queryKey: ['workflow', workflowId, 'runs'],
    queryFn: () => api<RunSummary[]>(`/api/workflows/${encodeURIComponent(workflowId)}/runs`),
    refetchInterval: 10_000,
  });
  return (
    <section aria-labelledby="runs-title">
      <header className="page-header">
        <h1 id="runs-title">
          {workflowId} · {t({ 'zh-CN': '运行记录', en: 'Runs' })}
        </h1>
      </header>
      <QueryView query={runs}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t({ 'zh-CN': '还没有运行过。', en: 'It has not run yet.' })}</Empty>
          ) : (
            <TableScroll label={{ 'zh-CN': '运行记录', en: 'Runs' }}>
              <table className="records">
                <thead>
                  <tr>
                    <th scope="col">{t({ 'zh-CN': '开始时间', en: 'Started' })}</th>
                    <th scope="col">{t({ 'zh-CN': '触发', en: 'Started by' })}</th>
                    <th scope="col">{t({ 'zh-CN': '版本', en: 'Version' })}</th>
                    <th scope="col">{t({ 'zh-CN': '状态', en: 'Status' })}</th>
                    <th scope="col">{t({ 'zh-CN': '当前步骤', en: 'Step' })}</th>
                    <th scope="col">{t({ 'zh-CN': '问题', en: 'Problem' })}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...list].reverse().map((run) => (
                    <tr key={run.id}>
                      <td>{new Date(run.startedAt).toLocaleString(locale)}</td>
                      <td>{run.eventKey}</td>
                      <td>{run.workflowVersion}</td>
                      <td>{t(STATUS[run.status] ?? { 'zh-CN': run.status, en: run.status })}</td>
                      <td>{run.stepId ?? '—'}</td>
                      <td>{run.error ? t(run.error) : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )
        }
      </QueryView>
    </section>
  );
}
