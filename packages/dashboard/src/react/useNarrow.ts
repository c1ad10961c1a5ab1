import { useSyncExternalStore } from 'react';

/** The widest viewport laid out as a single column (phones in portrait). */
export const NARROW_QUERY = '(max-width: 640px)';

const media = () =>
  typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(NARROW_QUERY) : null;

function subscribe(onChange: () => void): () => void {
  const list = media();
  list?.addEventListener('change', onChange);
  return () => list?.removeEventListener('change', onChange);
}

/** Whether the viewport is phone-narrow (false where matchMedia is missing, e.g. server rendering). */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
}
