import { type ClickThrough, Dashboard, type SubscribeToChanges } from '@formboard/dashboard';
import '@formboard/dashboard/styles.css';
import type { DashboardDefinition } from '@formboard/schema';
import { useCallback, useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { subscribeToRecordChanges } from '../api/events.ts';
import { useDefinition, useOrgUnits, useUsers } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { useBoardForms } from '../designs/usePublishedForms.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';
import { boardLoader, boardSources } from './boardLoader.ts';

/** A published board, live: widgets reading a form reload when the server pushes a change of it. */
export function BoardPage({ boardId, user }: { readonly boardId: string; readonly user: User }) {
  const definition = useDefinition(boardId);
  return (
    <QueryView query={definition}>
      {(loaded) => (
        <Board definition={loaded.version.content as unknown as DashboardDefinition} user={user} />
      )}
    </QueryView>
  );
}

/** Record changes for a board; after a reconnect every form it reads counts as changed. */
export function useBoardChanges(definition: DashboardDefinition): SubscribeToChanges {
  return useMemo<SubscribeToChanges>(() => {
    const sources = boardSources(definition);
    return (listener) =>
      subscribeToRecordChanges((change) => {
        if (change.formId !== '*') listener({ formId: change.formId });
        else for (const formId of sources) listener({ formId });
      });
  }, [definition]);
}

/** People and org units as the board's filters and labels want them. */
export function useBoardDirectory() {
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const people = useMemo(() => (users.data ?? []).map((u) => ({ id: u.id, name: u.name })), [users.data]);
  const units = useMemo(
    () => (orgUnits.data ?? []).map((u) => ({ id: u.id, name: u.name })),
    [orgUnits.data],
  );
  return { people, units };
}

function Board({ definition, user }: { readonly definition: DashboardDefinition; readonly user: User }) {
  const { locale, t } = useLocale();
  const [, navigate] = useLocation();
  const loader = useMemo(() => boardLoader(definition), [definition]);
  const subscribe = useBoardChanges(definition);
  const { people, units } = useBoardDirectory();
  const forms = useBoardForms(useMemo(() => boardSources(definition), [definition]));
  // A click on a bar, slice or row opens the records behind it.
  const clickThrough = useCallback(
    (target: ClickThrough) => {
      if (target.recordId) return navigate(`/records/${encodeURIComponent(target.recordId)}`);
      const where = JSON.stringify({
        values: target.values,
        ...(target.bucket ? { bucket: target.bucket } : {}),
        ...(target.filter ? { filter: target.filter } : {}),
      });
      navigate(`/forms/${encodeURIComponent(target.formId)}/records?where=${encodeURIComponent(where)}`);
    },
    [navigate],
  );
  return (
    <section className="board">
      <div className="actions board-actions">
        <Link href={`/tv?boards=${encodeURIComponent(definition.id)}`}>
          {t({ 'zh-CN': '大屏模式', en: 'TV mode' })}
        </Link>
      </div>
      <Dashboard
        definition={definition}
        loader={loader}
        locale={locale}
        people={people}
        orgUnits={units}
        forms={forms}
        subscribe={subscribe}
        viewerId={user.id}
        onClickThrough={clickThrough}
      />
    </section>
  );
}
