import { type ClickThrough, Dashboard, type SubscribeToChanges } from '@formboard/dashboard';
import '@formboard/dashboard/styles.css';
import type { DashboardDefinition } from '@formboard/schema';
import { useCallback, useMemo } from 'react';
import { useLocation } from 'wouter';
import { subscribeToRecordChanges } from '../api/events.ts';
import { useOrgUnits, useUsers } from '../api/queries.ts';
import type { User } from '../api/types.ts';
import { useBoardForms } from '../designs/usePublishedForms.ts';
import { useLocale } from '../i18n/locale.tsx';
import { boardLoader, boardSources } from './boardLoader.ts';

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

/**
 * A board, live, as the viewer may see it: widgets reading a form reload when the server pushes a
 * change of it; a click opens the records behind a bar, slice or row. `kiosk` hides the filter bar
 * and the downloads (the home page's embedded board).
 */
export function LiveBoard({
  definition,
  user,
  kiosk = false,
}: {
  readonly definition: DashboardDefinition;
  readonly user: User;
  readonly kiosk?: boolean;
}) {
  const { locale } = useLocale();
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
      kiosk={kiosk}
    />
  );
}
