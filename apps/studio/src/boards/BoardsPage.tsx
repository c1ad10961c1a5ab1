import { Link } from 'wouter';
import { useDefinitions } from '../api/queries.ts';
import { pick, useLocale } from '../i18n/locale.tsx';
import { Empty, QueryView } from '../ui/states.tsx';

/** The published boards the caller can open (the server checks each board's sharing on its data). */
export function BoardsPage() {
  const { locale, t } = useLocale();
  const boards = useDefinitions('dashboard');
  return (
    <section aria-labelledby="boards-title">
      <header className="page-header">
        <h1 id="boards-title">{t({ 'zh-CN': '看板', en: 'Boards' })}</h1>
      </header>
      <QueryView query={boards}>
        {(list) => {
          const published = list.filter((board) => board.state === 'published');
          return published.length === 0 ? (
            <Empty>
              <p>{t({ 'zh-CN': '还没有共享给你的看板。', en: 'No boards are shared with you yet.' })}</p>
            </Empty>
          ) : (
            <ul className="cards">
              {published.map((board) => (
                <li key={board.id} className="card">
                  <h2>
                    <Link href={`/boards/${encodeURIComponent(board.id)}`}>
                      {pick(board.title, locale, board.id)}
                    </Link>
                  </h2>
                </li>
              ))}
            </ul>
          );
        }}
      </QueryView>
    </section>
  );
}
