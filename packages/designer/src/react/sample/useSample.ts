import { getIn, parsePath } from '@formboard/form-runtime';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { useDesignerContext } from '../DesignerContext.ts';
import type { SampleRecord } from './sampleStore.ts';

/** Subscribes to what the sample record follows: the document and the typed values. */
function useSampleSubscription(): {
  subscribe: (listener: () => void) => () => void;
  read: () => SampleRecord;
} {
  const { designer, samples } = useDesignerContext();
  const subscribe = useCallback(
    (listener: () => void) => {
      const offDocument = designer.subscribe(listener);
      const offTyped = samples.subscribe(listener);
      return () => {
        offDocument();
        offTyped();
      };
    },
    [designer, samples],
  );
  const read = useCallback(() => samples.recordOf(designer.getState().document), [designer, samples]);
  return { subscribe, read };
}

/** The whole sample record (the property panel's formula results); re-renders when it changes. */
export function useSampleRecord(): SampleRecord {
  const { subscribe, read } = useSampleSubscription();
  return useSyncExternalStore(subscribe, read);
}

/**
 * The sample value of one field (a canvas preview); re-renders only when that value changes. Table
 * columns (`kpis[].weight`) have none: the preview shows the column, not a row.
 */
export function useSampleValue(path: string | undefined): unknown {
  const { subscribe, read } = useSampleSubscription();
  const segments = useMemo(
    () => (path === undefined || path.includes('[]') ? undefined : parsePath(path)),
    [path],
  );
  return useSyncExternalStore(subscribe, () => (segments ? getIn(read(), segments) : undefined));
}
