import { Link } from 'wouter';
import { useDefinitions } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { DEFINITION_STATES } from '../designs/definitionStates.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { Empty, QueryView } from '../ui/states.tsx';
import { NewBoard } from './NewBoard.tsx';

/** The boards the caller can open (the server checks each board's sharing on its data); designers also see drafts and design them. */
export function BoardsPage({ user }: { readonly user: User }) {
  const { locale, t } = useLocale();
  const boards = useDefinitions('dashboard');
  const designer = user.roles.includes('designer') || user.roles.includes('admin');
  return (
    <section aria-labelledby="boards-title">
      <header className="page-header">
        <h1 id="boards-title">{t({ 'zh-CN': '看板', en: 'Boards' })}</h1>
        {designer ? <NewBoard /> : null}
      </header>
      <QueryView query={boards}>
        {(list) => {
          const shown = designer ? list : list.filter((board) => board.state === 'published');
          return shown.length === 0 ? (
            <Empty>
              <p>{t({ 'zh-CN': '还没有共享给你的看板。', en: 'No boards are shared with you yet.' })}</p>
            </Empty>
          ) : (
            <ul className="cards">
              {shown.map((board) => {
                const path = `/boards/${encodeURIComponent(board.id)}`;
                return (
                  <li key={board.id} className="card">
                    <h2>
                      <Link href={path}>{pick(board.title, locale, board.id)}</Link>
                    </h2>
                    {designer ? (
                      <>
                        <p className="muted">{t(DEFINITION_STATES[board.state])}</p>
                        <div className="actions">
                          {/* A full page load: the designer's page has its own security policy (see the server's studio.ts). */}
                          <a href={`${path}/design`} className="button">
                            {t({ 'zh-CN': '设计', en: 'Design' })}
                          </a>
                          <Link
                            href={`/definitions/${encodeURIComponent(board.id)}/history`}
                            className="button"
                          >
                            {t({ 'zh-CN': '版本历史', en: 'Versions' })}
                          </Link>
                        </div>
                      </>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}
