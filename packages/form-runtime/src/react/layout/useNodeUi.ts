import { useCallback, useSyncExternalStore } from 'react';
import { useRenderer } from '../RendererContext.ts';

/** A layout node's view state (open tab, current step) and its setter. */
export function useNodeUi(id: string): [number, (value: number) => void] {
  const { ui } = useRenderer();
  const subscribe = useCallback((listener: () => void) => ui.subscribe(id, listener), [ui, id]);
  const value = useSyncExternalStore(subscribe, () => ui.get(id));
  const set = useCallback((next: number) => ui.set(id, next), [ui, id]);
  return [value, set];
}
