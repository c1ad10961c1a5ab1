import type { DataSchema } from '@formboard/schema';
import type { Form } from '../../form/formTree.ts';
import { sampleRecord } from '../../rules/sampleData.ts';
import { shareEqual } from './shareEqual.ts';

/** A sample record: field values by key, as a form's value. */
export type SampleRecord = Readonly<Record<string, unknown>>;

/**
 * The designer's sample record — values made up for every field of the document, under what was typed
 * in the preview — kept apart from the designer's context: the canvas's fields each read their own
 * value by selector, so an edit or undo that changes the data schema re-renders only the fields whose
 * value changed, not all of them.
 */
export interface SampleStore {
  /** The record for a document: the same object while its data schema, computed fields and typed values stay, and equal values keep their objects when it is made again. */
  recordOf(form: Form): SampleRecord;
  /** Replaces what was typed in the preview (the whole record the preview's form holds). */
  setTyped(values: SampleRecord): void;
  /** Called when the typed values change (a document's change is the designer store's). */
  subscribe(listener: () => void): () => void;
}

/** A sample store whose dates are `today` (`YYYY-MM-DD`). */
export function createSampleStore(today: string): SampleStore {
  const listeners = new Set<() => void>();
  let typed: SampleRecord = {};
  // Made-up records by data schema (the computed fields are checked too), sharing with the last one made.
  const made = new WeakMap<
    DataSchema,
    { readonly computed: Form['computed']; readonly record: SampleRecord }
  >();
  let lastMade: SampleRecord = {};
  let merged: { made: SampleRecord; typed: SampleRecord; record: SampleRecord } | undefined;
  const madeFor = (form: Form): SampleRecord => {
    const known = made.get(form.data);
    if (known && known.computed === form.computed) return known.record;
    const record = shareEqual(lastMade, sampleRecord(form, today)) as SampleRecord;
    made.set(form.data, { computed: form.computed, record });
    lastMade = record;
    return record;
  };
  return {
    recordOf(form) {
      const base = madeFor(form);
      if (merged?.made === base && merged.typed === typed) return merged.record;
      const next = { ...base, ...typed };
      const record = (merged ? shareEqual(merged.record, next) : next) as SampleRecord;
      merged = { made: base, typed, record };
      return record;
    },
    setTyped(values) {
      typed = values;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
