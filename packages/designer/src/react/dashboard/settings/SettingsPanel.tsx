import type { ReactNode } from 'react';
import { useDashboardDesigner, useDashboardState } from '../DashboardDesignerContext.ts';
import { DashboardSettings } from './DashboardSettings.tsx';
import { WidgetSettings } from './WidgetSettings.tsx';

/** The settings of the selected widget, or of the dashboard when none is selected. */
export function SettingsPanel(): ReactNode {
  const { messages } = useDashboardDesigner();
  const selection = useDashboardState((s) => s.selection);
  const [only] = selection;
  let body: ReactNode;
  if (selection.length > 1) body = <p className="fbd-empty">{messages.manySelected(selection.length)}</p>;
  else if (only !== undefined) body = <WidgetSettings key={only} id={only} />;
  else body = <DashboardSettings />;
  return (
    <aside className="fbd-properties fbdd-settings" aria-label={messages.settings}>
      <h2>{messages.settings}</h2>
      {body}
    </aside>
  );
}
