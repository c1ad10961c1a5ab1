import { Dashboard, type SubscribeToChanges, type WidgetLoader } from '@formboard/dashboard';
import type { DashboardDefinition } from '@formboard/schema';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import { subscribeToRecordChanges } from '../api/events.ts';
import { useDefinition, useOrgUnits, useUsers } from '../api/queries.ts';
import { useLocale } from '../i18n/locale.tsx';
import { QueryView } from '../ui/states.tsx';

/** A published board, live: widgets reading a form reload when the server pushes a change of it. */
export function BoardPage({ boardId }: { readonly boardId: string }) {
  const definition = useDefinition(boardId);
  return (
    <QueryView query={definition}>
      {(loaded) => <Board definition={loaded.version.content as unknown as DashboardDefinition} />}
    </QueryView>
  );
}

function Board({ definition }: { readonly definition: DashboardDefinition }) {
  const { locale } = useLocale();
  const users = useUsers();
  const orgUnits = useOrgUnits();
  const loader = useMemo<WidgetLoader>(
    () => async (widgetId, filters) => {
      const path = `/api/dashboards/${encodeURIComponent(definition.id)}/widgets/${encodeURIComponent(widgetId)}/data`;
      const answer = await api<{ rows: Awaited<ReturnType<WidgetLoader>> }>(path, {
        method: 'POST',
        body: { filters },
      });
      return answer.rows;
    },
    [definition.id],
  );
  // After a reconnect nobody knows what changed meanwhile: every form the board reads counts as changed.
  const subscribe = useMemo<SubscribeToChanges>(() => {
    const sources = [
      ...new Set(
        definition.widgets.flatMap((widget) =>
          'query' in widget && widget.query ? [widget.query.source] : [],
        ),
      ),
    ];
    return (listener) =>
      subscribeToRecordChanges((change) => {
        if (change.formId !== '*') listener({ formId: change.formId });
        else for (const formId of sources) listener({ formId });
      });
  }, [definition.widgets]);
  const people = useMemo(
    () => (users.data ?? []).map((user) => ({ id: user.id, name: user.name })),
    [users.data],
  );
  const units = useMemo(
    () => (orgUnits.data ?? []).map((unit) => ({ id: unit.id, name: unit.name })),
    [orgUnits.data],
  );
  return (
    <section className="board">
      <Dashboard
        definition={definition}
        loader={loader}
        locale={locale}
        people={people}
        orgUnits={units}
        subscribe={subscribe}
      />
    </section>
  );
}
