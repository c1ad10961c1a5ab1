import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.ts';
import { useAlerts, useApprovals, useInbox } from '../api/queries.ts';
import type { Alert, Approval, InboxMessage } from '../api/types.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { useDirectoryNames } from '../records/useDirectoryNames.ts';
import { Empty, ErrorNotice, QueryView } from '../ui/states.tsx';

/** Everything waiting for the caller: approvals to decide, alerts to acknowledge, messages. */
export function InboxPage() {
  const { t } = useLocale();
  return (
    <section aria-labelledby="inbox-title" className="inbox">
      <header className="page-header">
        <h1 id="inbox-title">{t({ 'zh-CN': '待办', en: 'Inbox' })}</h1>
      </header>
      <ApprovalList />
      <AlertList />
      <MessageList />
    </section>
  );
}

function useAct<T>(path: (item: T) => string, body?: (item: T) => unknown) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (item: T) =>
      api<unknown>(path(item), { method: 'POST', ...(body ? { body: body(item) } : {}) }),
    onSuccess: () => {
      for (const key of ['approvals', 'alerts', 'inbox']) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}

/** Approval tasks: approve or reject, with an optional comment. */
export function ApprovalList() {
  const { locale, t } = useLocale();
  const approvals = useApprovals();
  const [comments, setComments] = useState<Record<string, string>>({});
  const decide = useAct<{ approval: Approval; decision: 'approve' | 'reject' }>(
    ({ approval }) => `/api/approvals/${encodeURIComponent(approval.id)}/decide`,
    ({ approval, decision }) => ({
      decision,
      ...(comments[approval.id] ? { comment: comments[approval.id] } : {}),
    }),
  );
  return (
    <section aria-labelledby="approvals-title">
      <h2 id="approvals-title">{t({ 'zh-CN': '待我审批', en: 'Waiting for my approval' })}</h2>
      {decide.error ? <ErrorNotice error={decide.error} /> : null}
      <QueryView query={approvals}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t({ 'zh-CN': '没有待审批的事项。', en: 'Nothing to approve.' })}</Empty>
          ) : (
            <ul className="items">
              {list.map((approval) => (
                <li key={approval.id} className="card">
                  <h3>{pick(approval.title, locale)}</h3>
                  {approval.recordId ? (
                    <Link href={`/records/${encodeURIComponent(approval.recordId)}`}>
                      {t({ 'zh-CN': '查看记录', en: 'See the record' })}
                    </Link>
                  ) : null}
                  {approval.dueAt ? (
                    <p className="muted">
                      {t({ 'zh-CN': '截止：', en: 'Due: ' })}
                      {new Date(approval.dueAt).toLocaleString(locale)}
                    </p>
                  ) : null}
                  <label>
                    {t({ 'zh-CN': '意见（可选）', en: 'Comment (optional)' })}
                    <input
                      value={comments[approval.id] ?? ''}
                      maxLength={2000}
                      onChange={(event) =>
                        setComments((all) => ({ ...all, [approval.id]: event.target.value }))
                      }
                    />
                  </label>
                  <div className="actions">
                    <button
                      type="button"
                      className="primary"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ approval, decision: 'approve' })}
                    >
                      {t({ 'zh-CN': '同意', en: 'Approve' })}
                    </button>
                    <button
                      type="button"
                      disabled={decide.isPending}
                      onClick={() => decide.mutate({ approval, decision: 'reject' })}
                    >
                      {t({ 'zh-CN': '驳回', en: 'Reject' })}
                    </button>
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

/** Open alerts assigned to the caller: acknowledge them (the response time is kept). */
export function AlertList() {
  const { locale, t } = useLocale();
  const alerts = useAlerts();
  const names = useDirectoryNames();
  const acknowledge = useAct<Alert>((alert) => `/api/alerts/${encodeURIComponent(alert.id)}/acknowledge`);
  return (
    <section aria-labelledby="alerts-title">
      <h2 id="alerts-title">{t({ 'zh-CN': '预警', en: 'Alerts' })}</h2>
      {acknowledge.error ? <ErrorNotice error={acknowledge.error} /> : null}
      <QueryView query={alerts}>
        {(list) => {
          const open = list.filter((alert) => alert.status === 'open');
          return open.length === 0 ? (
            <Empty>{t({ 'zh-CN': '没有未处理的预警。', en: 'No open alerts.' })}</Empty>
          ) : (
            <ul className="items">
              {open.map((alert) => (
                <li key={alert.id} className="card alert-item">
                  <h3>
                    {names.users.get(alert.groupKey) ?? alert.groupKey} ·{' '}
                    {t({
                      'zh-CN': `自 ${alert.firstPeriod} 起连续低于基线`,
                      en: `below baseline since ${alert.firstPeriod}`,
                    })}
                  </h3>
                  <p className="muted">
                    {t({ 'zh-CN': '发出时间：', en: 'Opened: ' })}
                    {new Date(alert.openedAt).toLocaleString(locale)}
                  </p>
                  <button
                    type="button"
                    className="primary"
                    disabled={acknowledge.isPending}
                    onClick={() => acknowledge.mutate(alert)}
                  >
                    {t({ 'zh-CN': '知道了，去跟进', en: 'Acknowledge' })}
                  </button>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}

/** Workflow messages, newest first; unread ones can be marked read. */
export function MessageList() {
  const { locale, t } = useLocale();
  const inbox = useInbox();
  const markRead = useAct<InboxMessage>((message) => `/api/inbox/${encodeURIComponent(message.id)}/read`);
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{t({ 'zh-CN': '消息', en: 'Messages' })}</h2>
      <QueryView query={inbox}>
        {(list) =>
          list.length === 0 ? (
            <Empty>{t({ 'zh-CN': '没有消息。', en: 'No messages.' })}</Empty>
          ) : (
            <ul className="items">
              {list.map((message) => (
                <li key={message.id} className={message.readAt ? 'card read' : 'card unread'}>
                  {message.subject ? <h3>{pick(message.subject, locale)}</h3> : null}
                  <p className="message-body">{pick(message.message, locale)}</p>
                  <p className="muted">
                    <time dateTime={message.createdAt}>
                      {new Date(message.createdAt).toLocaleString(locale)}
                    </time>
                  </p>
                  {message.readAt ? null : (
                    <button
                      type="button"
                      disabled={markRead.isPending}
                      onClick={() => markRead.mutate(message)}
                    >
                      {t({ 'zh-CN': '标为已读', en: 'Mark read' })}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </QueryView>
    </section>
  );
}
