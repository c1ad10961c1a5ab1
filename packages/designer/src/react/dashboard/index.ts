// The React dashboard designer. The lead re-exports this from src/index.ts.

export { choiceName } from './choiceNames.ts';
export type { DashboardDesignerProps } from './DashboardDesigner.tsx';
export { DashboardDesigner } from './DashboardDesigner.tsx';
export type { DashboardDesignerContextValue, PreviewLoader } from './DashboardDesignerContext.ts';
export type { DashboardDesignerMessages } from './messages.ts';
export { DASHBOARD_DESIGNER_MESSAGES, dashboardDesignerMessages } from './messages.ts';
