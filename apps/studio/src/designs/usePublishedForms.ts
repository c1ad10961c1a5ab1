import type { FormDefinition } from '@formboard/schema';
import { useQueries } from '@tanstack/react-query';
import { api, queryString } from '../api/client.ts';
import { useDefinitions } from '../api/queries.ts';
import type { DefinitionWithInfo } from '../api/types.ts';

/** The published forms, as full definitions: what a board reads or a workflow is about (their fields name measures, conditions and placeholders). */
export function usePublishedForms() {
  const list = useDefinitions('form');
  const published = (list.data ?? []).filter((form) => form.state === 'published');
  const forms = useQueries({
    queries: published.map((form) => {
      const version = form.publishedVersion ?? form.headVersion;
      return {
        queryKey: ['definition', form.id, version],
        queryFn: () =>
          api<DefinitionWithInfo>(
            `/api/definitions/${encodeURIComponent(form.id)}${queryString({ version })}`,
          ),
        staleTime: 60_000,
      };
    }),
  });
  const loading = list.isPending || forms.some((form) => form.isPending);
  const definitions = forms.flatMap((form) =>
    form.data ? [form.data.version.content as unknown as FormDefinition] : [],
  );
  return { loading, definitions };
}
