import type { DashboardDefinition } from '@formboard/schema';
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { useDefinitions } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { useDefinitionContents } from '../designs/usePublishedForms.ts';
import { useLocale } from '../i18n/locale.tsx';
import { Loading } from '../ui/states.tsx';

// The board (echarts and all) loads only when there is one to show: the home page stays small on a phone.
const LiveBoard = lazy(() => import('../boards/LiveBoard.tsx').then((m) => ({ default: m.LiveBoard })));

/** A personal board: one whose person filter starts at the viewer ("my gap"). */
const isPersonal = (board: DashboardDefinition) =>
  (board.filters ?? []).some((filter) => filter.type === 'person' && filter.default === 'me');

/**
 * "My goals and their gaps" on the home page: the first published personal board, live and compact
 * (no filter bar), with a link to the whole board. Nothing when no board is personal.
 */
export function MyGoals({ user }: { readonly user: User }) {
  const { t } = useLocale();
  const list = useDefinitions('dashboard');
  const boards = useDefinitionContents<DashboardDefinition>(
    (list.data ?? []).filter((board) => board.state === 'published').map((board) => ({ id: board.id })),
  );
  const personal = boards.definitions.find(isPersonal);
  if (!personal) return null;
  return (
    <section aria-labelledby="my-goals-title" className="card my-goals">
      <header className="page-header">
        <h2 id="my-goals-title">{t({ 'zh-CN': '我的目标与差距', en: 'My goals and gaps' })}</h2>
        <Link href={`/boards/${encodeURIComponent(personal.id)}`}>
          {t({ 'zh-CN': '打开完整看板', en: 'Open the whole board' })}
        </Link>
      </header>
      <Suspense fallback={<Loading />}>
        <LiveBoard definition={personal} user={user} kiosk />
      </Suspense>
    </section>
  );
}
