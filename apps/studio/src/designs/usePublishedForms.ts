import type { FormDefinition } from '@formboard/schema';
import { useQueries } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import { useDefinitions } from '../api/queries.ts';
import type { DefinitionSummary, DefinitionWithInfo } from '../api/types.ts';

const definitionQuery = (id: string, version?: number) => ({
  queryKey: ['definition', id, version ?? 'current'],
  queryFn: () =>
    api<DefinitionWithInfo>(`/api/definitions/${encodeURIComponent(id)}${queryString({ version })}`),
  staleTime: 60_000,
});

/**
 * Definitions by id (the version the caller may open) or version: the content of each, those that
 * fail to load left out. `combine` keeps the result the same object while the queries' data stay
 * the same, so boards can memoise on it.
 */
export function useDefinitionContents<T>(queries: readonly { id: string; version?: number }[]) {
  return useQueries({
    queries: queries.map(({ id, version }) => definitionQuery(id, version)),
    combine: (results) => ({
      loading: results.some((result) => result.isPending),
      definitions: results.flatMap((result) =>
        result.data ? [result.data.version.content as unknown as T] : [],
      ),
    }),
  });
}

/** Forms in some states, as full definitions: the published version where there is one, else the head. */
function useFormsIn(states: readonly DefinitionSummary['state'][]) {
  const list = useDefinitions('form');
  const forms = useDefinitionContents<FormDefinition>(
    (list.data ?? [])
      .filter((form) => states.includes(form.state))
      .map((form) => ({ id: form.id, version: form.publishedVersion ?? form.headVersion })),
  );
  return { loading: list.isPending || forms.loading, definitions: forms.definitions };
}

const PUBLISHED = ['published'] as const;
const NOT_ARCHIVED = ['published', 'draft'] as const;

/** The published forms, as full definitions: what a board reads or a workflow is about (their fields name measures, conditions and placeholders). */
export function usePublishedForms() {
  return useFormsIn(PUBLISHED);
}

/** Every form but archived ones: what a form's roll-ups may read from (a child form may still be a draft, designed alongside). */
export function useDesignableForms() {
  return useFormsIn(NOT_ARCHIVED);
}

/** The forms a board reads, as the viewer sees them: their titles name the board's columns and values. */
export function useBoardForms(ids: readonly string[]): readonly FormDefinition[] {
  return useDefinitionContents<FormDefinition>(ids.map((id) => ({ id }))).definitions;
}
