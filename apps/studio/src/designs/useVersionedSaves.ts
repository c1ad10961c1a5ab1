import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { api } from '../api/client.ts';
import type { DefinitionVersion, DefinitionWithInfo } from '../api/types.ts';

/**
 * Saving and publishing from a designer (form, board or workflow): each save appends a version based
 * on the one the designer opened or last saved — the server refuses a save based on an older one
 * (someone else saved meanwhile) instead of overwriting their work — and publish makes the last
 * saved version live.
 */
export function useVersionedSaves(loaded: DefinitionWithInfo) {
  const client = useQueryClient();
  const id = loaded.info.id;
  const base = useRef(loaded.info.headVersion);
  const [saved, setSaved] = useState(loaded.info.headVersion);
  const [published, setPublished] = useState(loaded.info.publishedVersion);
  const path = `/api/definitions/${encodeURIComponent(id)}`;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['definition', id] });
    void client.invalidateQueries({ queryKey: ['definitions'] });
  };
  const save = useMutation({
    mutationFn: (definition: unknown) =>
      api<DefinitionVersion>(path, { method: 'PUT', body: { definition, baseVersion: base.current } }),
    onSuccess: (version) => {
      base.current = version.version;
      setSaved(version.version);
      refresh();
    },
  });
  const publish = useMutation({
    mutationFn: () => api(`${path}/publish`, { method: 'POST', body: { version: base.current } }),
    onSuccess: () => {
      setPublished(base.current);
      refresh();
    },
  });
  return {
    id,
    saved,
    published,
    /** For a designer's `onSave`: resolves once stored, rejects (and shows why) when refused. */
    save: (definition: unknown) => save.mutateAsync(definition).then(() => undefined),
    publish: () => publish.mutate(),
    publishing: publish.isPending,
    errors: [save.error, publish.error].filter((error): error is Error => error !== null),
  };
}

/** What `useVersionedSaves` gives a design page. */
export type VersionedSaves = ReturnType<typeof useVersionedSaves>;
