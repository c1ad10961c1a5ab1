import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { ApiFailure, api } from '../api/client.ts';
import type { DefinitionVersion, DefinitionWithInfo } from '../api/types.ts';
import type { Text } from '../i18n/locale.tsx';
import type { Diff } from '../versions/VersionDiff.tsx';

/** Someone saved while this designer was open: what they changed, and the version this one tried to save. */
export interface SaveConflict {
  readonly baseVersion: number;
  readonly currentVersion: number;
  readonly summary: readonly Text[];
  readonly patch: Diff['patch'];
  readonly mine: Record<string, unknown>;
}

function conflictOf(error: unknown, mine: unknown): SaveConflict | undefined {
  if (!(error instanceof ApiFailure) || error.code !== 'conflict') return undefined;
  const details = error.details as Partial<SaveConflict> | undefined;
  if (typeof details?.currentVersion !== 'number' || typeof details.baseVersion !== 'number')
    return undefined;
  return {
    baseVersion: details.baseVersion,
    currentVersion: details.currentVersion,
    summary: details.summary ?? [],
    patch: details.patch ?? [],
    mine: mine as Record<string, unknown>,
  };
}

/**
 * Saving and publishing from a designer (form, board or workflow): each save appends a version based
 * on the one the designer opened or last saved, with the message the user wrote. The server refuses
 * a save based on an older version (someone else saved meanwhile) instead of overwriting their work;
 * the conflict says what they changed, and the user reloads, saves theirs as a copy, or saves over.
 */
export function useVersionedSaves(loaded: DefinitionWithInfo) {
  const client = useQueryClient();
  const id = loaded.info.id;
  const base = useRef(loaded.info.headVersion);
  const [saved, setSaved] = useState(loaded.info.headVersion);
  const [published, setPublished] = useState(loaded.info.publishedVersion);
  const [message, setMessage] = useState('');
  const [conflict, setConflict] = useState<SaveConflict>();
  const path = `/api/definitions/${encodeURIComponent(id)}`;
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['definition', id] });
    void client.invalidateQueries({ queryKey: ['definitions'] });
  };
  const save = useMutation({
    mutationFn: (definition: unknown) =>
      api<DefinitionVersion>(path, {
        method: 'PUT',
        body: {
          definition,
          baseVersion: base.current,
          ...(message.trim() ? { message: message.trim() } : {}),
        },
      }),
    onSuccess: (version) => {
      base.current = version.version;
      setSaved(version.version);
      setMessage('');
      setConflict(undefined);
      refresh();
    },
    onError: (error, definition) => setConflict(conflictOf(error, definition)),
  });
  const publish = useMutation({
    mutationFn: () => api(`${path}/publish`, { method: 'POST', body: { version: base.current } }),
    onSuccess: () => {
      setPublished(base.current);
      refresh();
    },
  });
  const saveCopy = useMutation({
    mutationFn: async (mine: Record<string, unknown>) => {
      const copyId = `${id}-copy-${Date.now().toString(36)}`;
      await api(`/api/definitions`, { method: 'POST', body: { definition: { ...mine, id: copyId } } });
      return copyId;
    },
  });
  return {
    id,
    saved,
    published,
    message,
    setMessage,
    conflict,
    /** For a designer's `onSave`: resolves once stored, rejects (and shows why) when refused. */
    save: (definition: unknown) => save.mutateAsync(definition).then(() => undefined),
    /** After a conflict: save this designer's version over the one saved meanwhile. */
    saveOver: (mine: Record<string, unknown>, currentVersion: number) => {
      base.current = currentVersion;
      save.mutate(mine);
    },
    /** After a conflict: keep the other version, and store this designer's as a new definition; resolves to its id. */
    saveCopy: (mine: Record<string, unknown>) => saveCopy.mutateAsync(mine),
    publish: () => publish.mutate(),
    publishing: publish.isPending,
    errors: [conflict ? null : save.error, publish.error, saveCopy.error].filter(
      (error): error is Error => error !== null,
    ),
  };
}

/** What `useVersionedSaves` gives a design page. */
export type VersionedSaves = ReturnType<typeof useVersionedSaves>;
