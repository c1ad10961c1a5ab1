import type { Locale } from '@formboard/formula';
import { type ReactNode, useMemo, useState } from 'react';
import {
  createDashboardDesigner,
  type DashboardDesignerStore,
} from '../../dashboard/createDashboardDesigner.ts';
import type { DashboardResult } from '../../dashboard/dashboardProblems.ts';
import type { Dashboard } from '../../dashboard/dashboardTypes.ts';
import type { SourceForm } from '../../dashboard/sourceForms.ts';
import { designerMessages } from '../messages.ts';
import { RuleTextProvider } from '../rules/RuleText.tsx';
import { useDesignerSession } from '../shared/useDesignerSession.ts';
import {
  DashboardDesignerContext,
  type DashboardDesignerContextValue,
  type PreviewLoader,
} from './DashboardDesignerContext.ts';
import { DashboardLayout } from './DashboardLayout.tsx';
import { dashboardDesignerMessages } from './messages.ts';

/** Props of <DashboardDesigner>. */
export interface DashboardDesignerProps {
  /** The dashboard to edit. Passing another one (not the one `onChange` gave) opens it afresh. */
  readonly definition: Dashboard;
  /** The forms widgets may read: form definitions, or `{ id, title, fields }` summaries. */
  readonly forms: readonly SourceForm[];
  /** Loads a widget's preview rows; called again when the widget's query changes (debounced). */
  readonly previewLoader: PreviewLoader;
  /** Called after every change with the definition and its validation (problems linked to widgets). */
  readonly onChange?: (definition: Dashboard, result: DashboardResult) => void;
  /** Shows a Save button (enabled when changed and valid); the designer is clean once it resolves. */
  readonly onSave?: (definition: Dashboard) => unknown;
  /** "zh-CN" (default) or "en". */
  readonly locale?: Locale;
  /** A headless designer the host made (to drive it from outside); default one made here from `forms`. */
  readonly designer?: DashboardDesignerStore;
  /** Quiet time before a changed query reloads its preview (default 400 ms). */
  readonly previewDebounceMs?: number;
  /** The clock for previews (default Date.now). */
  readonly now?: () => number;
}

/**
 * The dashboard designer: a widget palette, the dashboard's grid with live previews (drag to add, move
 * and resize), and a settings panel, around a headless DashboardDesignerStore. Mount it where
 * dashboards are designed (apps/studio).
 */
export function DashboardDesigner(props: DashboardDesignerProps): ReactNode {
  const locale = props.locale ?? 'zh-CN';
  const [own] = useState(
    () => props.designer ?? createDashboardDesigner({ definition: props.definition, forms: props.forms }),
  );
  const designer = props.designer ?? own;
  const messages = dashboardDesignerMessages(locale);
  const session = useDesignerSession(designer, props, locale, messages);
  const { announce, report } = session;
  const context = useMemo<DashboardDesignerContextValue>(
    () => ({
      designer,
      locale,
      messages,
      previewLoader: props.previewLoader,
      previewDebounceMs: props.previewDebounceMs ?? 400,
      now: props.now ?? Date.now,
      announce,
      report,
    }),
    [designer, locale, messages, props.previewLoader, props.previewDebounceMs, props.now, announce, report],
  );
  return (
    <DashboardDesignerContext.Provider value={context}>
      <RuleTextProvider locale={locale} messages={designerMessages(locale)}>
        <DashboardLayout session={session} />
      </RuleTextProvider>
    </DashboardDesignerContext.Provider>
  );
}
