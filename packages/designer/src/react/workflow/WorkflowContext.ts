import type { Locale, LocalizedMessage } from '@formboard/formula';
import { type FormDefinition, type LocalizedText, localize } from '@formboard/schema';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CommandResult } from '../../core/Command.ts';
import type { DocumentState } from '../../core/createDocumentStore.ts';
import type { ScopeField } from '../../rules/formulaScope.ts';
import type { WorkflowDesignerStore } from '../../workflow/createWorkflowDesigner.ts';
import { STEP_NAMES } from '../../workflow/stepNames.ts';
import type { Step, Workflow } from '../../workflow/workflowTypes.ts';
import type { WorkflowMessages } from './messages.ts';

/** A choice offered by the host: a role or a person, with its name. */
export interface NamedChoice {
  readonly id: string;
  readonly name: LocalizedText;
}

/** What every part of the workflow designer shares. */
export interface WorkflowContextValue {
  readonly designer: WorkflowDesignerStore;
  readonly locale: Locale;
  readonly messages: WorkflowMessages;
  readonly forms: readonly FormDefinition[];
  /** The form the runs are about (the trigger's), when the host gave it. */
  readonly form: FormDefinition | undefined;
  /** What the steps' formulas and placeholders can read. */
  readonly fields: readonly ScopeField[];
  readonly roles: readonly NamedChoice[];
  readonly people: readonly NamedChoice[];
  /** Says something to screen readers (the polite live region). */
  announce(text: string): void;
  /** Announces a refused command's reason. */
  report(result: CommandResult): void;
}

export const WorkflowContext = createContext<WorkflowContextValue | null>(null);

/** The workflow designer's shared context; only inside <WorkflowDesigner>. */
export function useWorkflowContext(): WorkflowContextValue {
  const value = useContext(WorkflowContext);
  if (!value) throw new Error('workflow designer components must be rendered inside <WorkflowDesigner>');
  return value;
}

/** A slice of the designer's state that re-renders the component only when it changes. */
export function useWorkflowState<T>(select: (state: DocumentState<Workflow>) => T): T {
  return useStore(useWorkflowContext().designer.store, select);
}

/** A step's title in a locale, else its kind's name. */
export function stepTitle(step: Step, locale: Locale): string {
  return localize(step.title, locale) || (STEP_NAMES[step.type] as LocalizedMessage)[locale];
}
