import type { Row } from '@formboard/dashboard';
import type { Locale } from '@formboard/formula';
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { CommandResult } from '../../core/Command.ts';
import type { DocumentState } from '../../core/createDocumentStore.ts';
import type { DashboardDesignerStore } from '../../dashboard/createDashboardDesigner.ts';
import type { Dashboard, Widget } from '../../dashboard/dashboardTypes.ts';
import type { DashboardDesignerMessages } from './messages.ts';

/** Loads the rows a widget shows in its preview (the studio: `POST /api/queries { query }`, alerts from `/api/alerts`). */
export type PreviewLoader = (widget: Widget) => Promise<readonly Row[]>;

/** What every part of the React dashboard designer shares. */
export interface DashboardDesignerContextValue {
  readonly designer: DashboardDesignerStore;
  readonly locale: Locale;
  readonly messages: DashboardDesignerMessages;
  readonly previewLoader: PreviewLoader;
  /** How long a widget's query must stay unchanged before its preview reloads. */
  readonly previewDebounceMs: number;
  /** The clock previews use (alert ages). */
  readonly now: () => number;
  /** Says something to screen readers (a polite live region). */
  announce(text: string): void;
  /** Announces a refused command's reason (a successful one says nothing). */
  report(result: CommandResult): void;
}

export const DashboardDesignerContext = createContext<DashboardDesignerContextValue | null>(null);

/** The dashboard designer's shared context; only inside <DashboardDesigner>. */
export function useDashboardDesigner(): DashboardDesignerContextValue {
  const value = useContext(DashboardDesignerContext);
  if (!value) throw new Error('dashboard designer components must be rendered inside <DashboardDesigner>');
  return value;
}

/** A slice of the designer's state that re-renders the component only when it changes. */
export function useDashboardState<T>(select: (state: DocumentState<Dashboard>) => T): T {
  return useStore(useDashboardDesigner().designer.store, select);
}
