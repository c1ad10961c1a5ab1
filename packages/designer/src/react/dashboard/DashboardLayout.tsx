import { type ReactNode, useState } from 'react';
import type { Dashboard } from '../../dashboard/dashboardTypes.ts';
import { GridCanvas } from './canvas/GridCanvas.tsx';
import { GridDnd } from './canvas/GridDnd.tsx';
import { useDashboardDesigner, useDashboardState } from './DashboardDesignerContext.ts';
import { DashboardProblems } from './DashboardProblems.tsx';
import { DashboardToolbar } from './DashboardToolbar.tsx';
import { SettingsPanel } from './settings/SettingsPanel.tsx';
import { useDashboardShortcuts } from './useDashboardShortcuts.ts';
import { WidgetPaletteView } from './WidgetPaletteView.tsx';

/** The designer's regions: toolbar, palette, grid canvas, settings; and the live region. */
export function DashboardLayout({
  onSave,
  announcement,
}: {
  readonly onSave: ((definition: Dashboard) => unknown) | undefined;
  readonly announcement: string;
}): ReactNode {
  const { designer, messages, announce, locale } = useDashboardDesigner();
  const [showProblems, setShowProblems] = useState(false);
  const [saving, setSaving] = useState(false);
  const dashboard = useDashboardState((s) => s.document);
  const result = designer.toDefinition();
  const travel = (kind: 'undo' | 'redo') => {
    const state = designer.getState();
    const label = (kind === 'undo' ? state.past : state.future)?.top.label[locale];
    if (designer[kind]() && label !== undefined)
      announce(kind === 'undo' ? messages.undone(label) : messages.redone(label));
  };
  const shortcuts = useDashboardShortcuts(travel);
  const save = onSave
    ? async () => {
        const saved = dashboard;
        setSaving(true);
        try {
          await onSave(saved);
          if (designer.getState().document === saved) designer.markSaved();
        } catch {
          announce(messages.saveFailed);
        } finally {
          setSaving(false);
        }
      }
    : undefined;
  return (
    // The root only listens for shortcuts and clipboard events bubbling from its controls.
    <div className="fbdd-designer fbd-designer" lang={locale} {...shortcuts}>
      <DashboardToolbar
        result={result}
        showProblems={showProblems}
        onShowProblems={setShowProblems}
        onSave={save}
        saving={saving}
        travel={travel}
      />
      {showProblems ? <DashboardProblems result={result} /> : null}
      <GridDnd>
        <div className="fbdd-main">
          <WidgetPaletteView />
          <GridCanvas result={result} />
          <SettingsPanel />
        </div>
      </GridDnd>
      <div className="fbd-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement}
      </div>
    </div>
  );
}
