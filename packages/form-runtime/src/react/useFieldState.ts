import { useCallback, useSyncExternalStore } from 'react';
import type { FormEngine } from '../engine/FormEngine.ts';
import type { FieldState } from '../engine/types.ts';

/** One field's state; the component re-renders only when that field (or what it depends on) changes. */
export function useFieldState(engine: FormEngine, path: string): FieldState {
  const subscribe = useCallback((listener: () => void) => engine.subscribe(path, listener), [engine, path]);
  const snapshot = useCallback(() => engine.getFieldState(path), [engine, path]);
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}
