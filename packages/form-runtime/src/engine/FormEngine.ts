import type { FieldIndex, FormDefinition } from '@formboard/schema';
import type { FieldState, FormDraft, FormIssue, FormState, SubmitResult } from './types.ts';

/** A headless form: values, computed fields, rules, validation and drafts, without any DOM. */
export interface FormEngine {
  readonly definition: FormDefinition;
  /** Every data path of the definition (`indexFields` of its data schema), for renderers. */
  readonly fields: FieldIndex;
  /** The value at a concrete path ("kpis[2].weight"), or the whole value (a snapshot: it never changes). */
  getValue(path?: string): unknown;
  /** Sets a value as the user typed it; empty input ("", null, []) clears the field. */
  setValue(path: string, value: unknown): void;
  /** The field lost focus: marks it touched and checks it. */
  blur(path: string): void;
  /** The field's state; the same object until something about the field changes. */
  getFieldState(path: string): FieldState;
  getFormState(): FormState;
  /** Listens to one field (and what is inside it); returns the unsubscribe function. */
  subscribe(path: string, listener: () => void): () => void;
  /** Listens to every change. */
  subscribeForm(listener: () => void): () => void;
  addRow(table: string, row?: Readonly<Record<string, unknown>>, index?: number): void;
  removeRow(table: string, index: number): void;
  moveRow(table: string, from: number, to: number): void;
  duplicateRow(table: string, index: number): void;
  /** Checks the whole form without submitting. */
  validate(): readonly FormIssue[];
  /** Checks everything; the clean value (hidden fields left out) or the problems. */
  submit(): SubmitResult;
  /** Back to the starting value (or a new one). */
  reset(value?: Readonly<Record<string, unknown>>): void;
  serializeDraft(): FormDraft;
  /** Restores a saved draft of this form; false when it belongs to another form. */
  restoreDraft(draft: FormDraft): boolean;
}
