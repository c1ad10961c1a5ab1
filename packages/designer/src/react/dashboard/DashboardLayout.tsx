import type { ReactNode } from 'react';
import { suggestedSource } from '../../dashboard/widgetDefaults.ts';
import type { WidgetPaletteItem } from '../../dashboard/widgetPalette.ts';
import { LiveRegion } from '../shared/LiveRegion.tsx';
import { PaletteView } from '../shared/PaletteView.tsx';
import { ToolbarWithProblems } from '../shared/ToolbarWithProblems.tsx';
import type { DesignerSession } from '../shared/useDesignerSession.ts';
import type { GridDragData } from './canvas/dragData.ts';
import { GridCanvas } from './canvas/GridCanvas.tsx';
import { GridDnd } from './canvas/GridDnd.tsx';
import { useDashboardDesigner, useDashboardState } from './DashboardDesignerContext.ts';
import { SettingsPanel } from './settings/SettingsPanel.tsx';
import { useDashboardShortcuts } from './useDashboardShortcuts.ts';

const dragData = (item: WidgetPaletteItem): GridDragData => ({ kind: 'palette', type: item.type });

/** The designer's regions: toolbar, palette, grid canvas, settings; and the live region. */
export function DashboardLayout({ session }: { readonly session: DesignerSession }): ReactNode {
  const { designer, messages, announce, report, locale } = useDashboardDesigner();
  // Re-rendered on every change: the problems follow the document.
  useDashboardState((s) => s.document);
  const result = designer.toDefinition();
  const shortcuts = useDashboardShortcuts(session);
  // A palette card adds its widget at the first free place, reading the form the board already uses.
  const add = (item: WidgetPaletteItem) => {
    const { document: dashboard, selection } = designer.getState();
    const source = suggestedSource(dashboard, selection, designer.sources.forms);
    const added = designer.add(item.type, source ? { source } : {});
    report(added);
    const [id] = designer.getState().selection;
    const layout = designer.getState().document.widgets.find((w) => w.id === id)?.layout;
    if (!added.ok || !layout || id === undefined) return;
    announce(messages.added(item.name[locale], layout.x + 1, layout.y + 1));
    // The keyboard goes on from the new card: arrows move it, Shift+arrows resize it.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-card-for="${CSS.escape(id)}"]`)?.focus(),
    );
  };
  return (
    // The root only listens for shortcuts and clipboard events bubbling from its controls.
    <div className="fbdd-designer fbd-designer" lang={locale} {...shortcuts}>
      <ToolbarWithProblems
        designer={designer}
        messages={messages}
        session={session}
        result={result}
        subjectOf={(p) => p.widgetId}
        locale={locale}
        duplicate
      />
      <GridDnd>
        <div className="fbdd-main">
          <PaletteView
            className="fbdd-palette"
            palette={designer.palette}
            idOf={(item) => item.type}
            locale={locale}
            messages={{ ...messages, addItem: messages.addWidget }}
            dragData={dragData}
            onAdd={add}
          />
          <GridCanvas result={result} />
          <SettingsPanel />
        </div>
      </GridDnd>
      <LiveRegion text={session.announcement} />
    </div>
  );
}
