import { Link } from 'wouter';
import { useAlerts, useApprovals, useDefinitions, useInbox } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { Empty, QueryView } from '../ui/states.tsx';
import { MyGoals } from './MyGoals.tsx';

/** The start page: what waits for me, my goals and their gaps, my boards, and the forms I fill. */
export function HomePage({ user }: { readonly user: User }) {
  const { locale, t } = useLocale();
  const approvals = useApprovals();
  const alerts = useAlerts();
  const inbox = useInbox();
  const boards = useDefinitions('dashboard');
  const forms = useDefinitions('form');
  const waiting = [
    { count: approvals.data?.length, label: t({ 'zh-CN': '待审批', en: 'to approve' }) },
    {
      count: alerts.data?.filter((alert) => alert.status === 'open' && alert.assigneeId === user.id).length,
      label: t({ 'zh-CN': '待处理预警', en: 'open alerts' }),
    },
    {
      count: inbox.data?.filter((message) => !message.readAt).length,
      label: t({ 'zh-CN': '未读消息', en: 'unread' }),
    },
  ];
  return (
    <div className="home">
      <h1>{t({ 'zh-CN': `你好，${user.name}`, en: `Hello, ${user.name}` })}</h1>
      <section aria-labelledby="waiting-title" className="card">
        <h2 id="waiting-title">{t({ 'zh-CN': '我的待办', en: 'Waiting for me' })}</h2>
        <ul className="counters">
          {waiting.map((item) => (
            <li key={item.label}>
              <Link href="/inbox">
                <strong>{item.count ?? '…'}</strong> {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <MyGoals user={user} />
      <section aria-labelledby="my-boards-title" className="card">
        <h2 id="my-boards-title">{t({ 'zh-CN': '我的看板', en: 'My boards' })}</h2>
        <QueryView query={boards}>
          {(list) => {
            const published = list.filter((board) => board.state === 'published');
            return published.length === 0 ? (
              <Empty>{t({ 'zh-CN': '还没有看板。', en: 'No boards yet.' })}</Empty>
            ) : (
              <ul>
                {published.map((board) => (
                  <li key={board.id}>
                    <Link href={`/boards/${encodeURIComponent(board.id)}`}>
                      {pick(board.title, locale, board.id)}
                    </Link>
                  </li>
                ))}
              </ul>
            );
          }}
        </QueryView>
      </section>
      <section aria-labelledby="my-forms-title" className="card">
        <h2 id="my-forms-title">{t({ 'zh-CN': '去填报', en: 'Fill in' })}</h2>
        <QueryView query={forms}>
          {(list) => (
            <ul>
              {list
                .filter((form) => form.state === 'published')
                .map((form) => (
                  <li key={form.id}>
                    <Link href={`/forms/${encodeURIComponent(form.id)}/fill`}>
                      {pick(form.title, locale, form.id)}
                    </Link>
                  </li>
                ))}
            </ul>
          )}
        </QueryView>
      </section>
    </div>
  );
}
