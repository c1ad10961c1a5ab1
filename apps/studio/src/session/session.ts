import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiFailure, api, setCsrfToken } from '../api/client.ts';
import type { SessionInfo } from '../api/types.ts';

const SESSION_KEY = ['session'] as const;

// A 401 means "not signed in", which is an answer, not an error.
async function currentSession(): Promise<SessionInfo | null> {
  try {
    const session = await api<SessionInfo>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiFailure && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user (null when nobody is), loaded once and kept. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: currentSession, staleTime: Number.POSITIVE_INFINITY });
}

/** Signs in with a user id or email and a password. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { login: string; password: string }) =>
      api<SessionInfo>('/api/session', { method: 'POST', body: credentials }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

/** Keeps the signed-in person's language on the server (best effort: the browser remembers it anyway). */
export function useSaveLocale() {
  const client = useQueryClient();
  return useCallback(
    (locale: 'zh-CN' | 'en') => {
      void api<SessionInfo['preferences']>('/api/session/preferences', { method: 'PUT', body: { locale } })
        .then((preferences) =>
          client.setQueryData<SessionInfo | null>(SESSION_KEY, (session) =>
            session ? { ...session, preferences } : session,
          ),
        )
        .catch(() => undefined);
    },
    [client],
  );
}

/** Signs out and forgets everything loaded for the previous user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/session', { method: 'DELETE' }),
    onSettled: () => {
      setCsrfToken('');
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}
