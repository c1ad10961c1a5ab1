import { type SubscribeToChanges, TvMode } from '@formboard/dashboard';
import '@formboard/dashboard/styles.css';
import type { DashboardDefinition } from '@formboard/schema';
import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useSearch } from 'wouter';
import { api } from '../api/client.ts';
import { subscribeToRecordChanges } from '../api/events.ts';
import type { DefinitionWithInfo } from '../api/types.ts';
import { useBoardForms } from '../designs/usePublishedForms.ts';
import { useLocale } from '../i18n/locale.tsx';
import { ErrorNotice, Loading } from '../ui/states.tsx';
import { boardLoader, boardSources } from './boardLoader.ts';
import { useBoardDirectory } from './LiveBoard.tsx';

/** The shop-floor wall display: `/tv?boards=a,b&seconds=30` shows the boards in turn, live. */
export function TvPage() {
  const { locale, t } = useLocale();
  const params = new URLSearchParams(useSearch());
  const ids = (params.get('boards') ?? '').split(',').filter(Boolean);
  const seconds = Number(params.get('seconds') ?? 30) || 30;
  // combine's result is structurally shared: `boards` keeps its identity while the definitions do.
  const { boards, error, pending } = useQueries({
    queries: ids.map((id) => ({
      queryKey: ['definition', id, 'current'],
      queryFn: () => api<DefinitionWithInfo>(`/api/definitions/${encodeURIComponent(id)}`),
    })),
    combine: (results) => ({
      boards: results.flatMap((r) =>
        r.data ? [r.data.version.content as unknown as DashboardDefinition] : [],
      ),
      error: results.find((r) => r.error)?.error,
      pending: results.some((r) => r.isPending),
    }),
  });
  const { people, units } = useBoardDirectory();
  const forms = useBoardForms(useMemo(() => [...new Set(boards.flatMap(boardSources))], [boards]));
  const loaders = useMemo(() => new Map(boards.map((b) => [b.id, boardLoader(b)])), [boards]);
  const subscribe = useMemo<SubscribeToChanges>(
    () => (listener) => subscribeToRecordChanges((change) => listener({ formId: change.formId })),
    [],
  );
  if (ids.length === 0)
    return (
      <p>{t({ 'zh-CN': '地址里没有指定看板（?boards=…）', en: 'No boards in the address (?boards=…)' })}</p>
    );
  if (error) return <ErrorNotice error={error} />;
  if (pending) return <Loading />;
  return (
    <TvMode
      boards={boards}
      loaderFor={(id) => loaders.get(id) ?? boardLoader(boards[0] as DashboardDefinition)}
      intervalSeconds={seconds}
      locale={locale}
      people={people}
      orgUnits={units}
      forms={forms}
      subscribe={subscribe}
    />
  );
}
