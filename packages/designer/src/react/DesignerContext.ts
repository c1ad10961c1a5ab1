import type { WidgetRegistry } from '@formboard/form-runtime';
import type { Locale } from '@formboard/formula';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CommandResult } from '../core/Command.ts';
import type { DocumentState } from '../core/createDocumentStore.ts';
import type { FormDesignerStore } from '../form/createFormDesigner.ts';
import type { Form } from '../form/formTree.ts';
import type { WidgetPropertySchema } from '../panel/widgetProperties.ts';
import type { DesignerMessages } from './messages.ts';
import type { SampleStore } from './sample/sampleStore.ts';

/** What every part of the React designer shares. */
export interface DesignerContextValue {
  readonly designer: FormDesignerStore;
  readonly locale: Locale;
  readonly messages: DesignerMessages;
  readonly widgets: WidgetRegistry;
  readonly widgetProperties: Readonly<Record<string, WidgetPropertySchema>>;
  /** The other forms the host lists: where a field may roll up from. */
  readonly forms: readonly Form[];
  /** The clock of sample dates: `YYYY-MM-DD`. */
  readonly today: string;
  /** Says something to screen readers (a polite live region), and shows it in the status line. */
  announce(text: string): void;
  /** Announces a refused command's reason (a successful one says nothing). */
  report(result: CommandResult): void;
  /** The sample record formulas are tried on (what was typed in the preview, else made up): read it with useSampleRecord / useSampleValue. */
  readonly samples: SampleStore;
}

export const DesignerContext = createContext<DesignerContextValue | null>(null);

/** The designer's shared context; only inside <FormDesigner>. */
export function useDesignerContext(): DesignerContextValue {
  const value = useContext(DesignerContext);
  if (!value) throw new Error('designer components must be rendered inside <FormDesigner>');
  return value;
}

/** A slice of the designer's state that re-renders the component only when it changes. */
export function useDesignerState<T>(select: (state: DocumentState<Form>) => T): T {
  return useStore(useDesignerContext().designer.store, select);
}
