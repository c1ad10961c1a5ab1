import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { FormEngine } from '../engine/FormEngine.ts';
import type { FieldState, FormState } from '../engine/types.ts';

/**
 * A slice of a store that re-renders only when the slice changes (by `isEqual`), however often the
 * store itself changes: a table listens to its row count, the error summary to the issue list.
 */
export function useStoreSelector<S, T>(
  subscribe: (listener: () => void) => () => void,
  getState: () => S,
  select: (state: S) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ readonly value: T } | undefined>(undefined);
  const snapshot = () => {
    const next = select(getState());
    const previous = last.current;
    if (previous && isEqual(previous.value, next)) return previous.value;
    last.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, snapshot, snapshot);
}

/** A slice of one field's state (e.g. a table's row count). */
export function useFieldSelector<T>(
  engine: FormEngine,
  path: string,
  select: (state: FieldState) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  const subscribe = useCallback((listener: () => void) => engine.subscribe(path, listener), [engine, path]);
  return useStoreSelector(subscribe, () => engine.getFieldState(path), select, isEqual);
}

/** A slice of the whole form's state (submit count, issues). */
export function useFormSelector<T>(
  engine: FormEngine,
  select: (state: FormState) => T,
  isEqual?: (a: T, b: T) => boolean,
): T {
  const subscribe = useCallback((listener: () => void) => engine.subscribeForm(listener), [engine]);
  return useStoreSelector(subscribe, () => engine.getFormState(), select, isEqual);
}

/** Arrays with the same items in the same order. */
export function shallowEqualArrays<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}
