import type { DashboardDefinition } from '@formboard/schema';
import { Link } from 'wouter';
import { useDefinition } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';
import { LiveBoard } from './LiveBoard.tsx';

/** A published board, live, with a link to show it on a wall screen. */
export function BoardPage({ boardId, user }: { readonly boardId: string; readonly user: User }) {
  const { t } = useLocale();
  const definition = useDefinition(boardId);
  return (
    <QueryView query={definition}>
      {(loaded) => (
        <section className="board">
          <div className="actions board-actions">
            <Link href={`/tv?boards=${encodeURIComponent(boardId)}`}>
              {t({ 'zh-CN': '大屏模式', en: 'TV mode' })}
            </Link>
          </div>
          <LiveBoard definition={loaded.version.content as unknown as DashboardDefinition} user={user} />
        </section>
      )}
    </QueryView>
  );
}
