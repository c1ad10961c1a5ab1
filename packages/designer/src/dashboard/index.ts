// The headless dashboard designer (no React, no DOM). The lead re-exports this from src/index.ts.
export type { AddWidgetOptions } from './commands/addWidget.ts';
export { addWidget, MAX_WIDGETS } from './commands/addWidget.ts';
export { moveWidget, resizeWidget } from './commands/arrangeWidget.ts';
export type { DashboardProperty } from './commands/dashboardProperties.ts';
export { setColumns, setDashboardProperty } from './commands/dashboardProperties.ts';
export { addFilter, filterBindings, removeFilter, setFilterProperty } from './commands/filters.ts';
export type { Measure } from './commands/measures.ts';
export { addMeasure, removeMeasure } from './commands/measures.ts';
export { setWidgetSource, setWidgetType } from './commands/rebuildWidget.ts';
export { removeWidgets } from './commands/removeWidgets.ts';
export { getWidgetProperty, setWidgetProperty } from './commands/setWidgetProperty.ts';
export type { DashboardDesignerOptions, DashboardDesignerStore } from './createDashboardDesigner.ts';
export { createDashboardDesigner, createEmptyDashboard } from './createDashboardDesigner.ts';
export { copyWidgets, dashboardAdapter, pasteWidgets } from './dashboardClipboard.ts';
export type { DashboardProblem, DashboardResult } from './dashboardProblems.ts';
export { createDashboardChecker, locateInDashboard } from './dashboardProblems.ts';
export type {
  Box,
  Dashboard,
  Filter,
  FilterType,
  QueryWidget,
  Widget,
  WidgetType,
} from './dashboardTypes.ts';
export { hasQuery, WIDGET_TYPES } from './dashboardTypes.ts';
export { bottomOf, clampBox, firstFreeSpot, overlaps, placeWidget, settle } from './gridLayout.ts';
export type {
  IndexedSource,
  SourceCatalog,
  SourceField,
  SourceForm,
  SourceFormSummary,
} from './sourceForms.ts';
export { fieldLabel, fitsFilter, isDate, isGroupable, sourceCatalog } from './sourceForms.ts';
export { newWidget, readsSource, sourceOf, suggestedSource } from './widgetDefaults.ts';
export type { WidgetPalette, WidgetPaletteGroup, WidgetPaletteItem } from './widgetPalette.ts';
export { createWidgetPalette, WIDGET_GROUPS, WIDGET_ITEMS, widgetTypeName } from './widgetPalette.ts';
