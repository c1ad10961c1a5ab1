export { barOption } from './core/barOption.ts';
export type { ChartContext, ChartData, ChartSeries } from './core/chartData.ts';
export { chartData } from './core/chartData.ts';
export type { ChartOption } from './core/chartParts.ts';
export type { ColorName } from './core/colors.ts';
export { COLOR_HEX, NEUTRAL, SERIES_COLORS } from './core/colors.ts';
export type { Refresher, RefresherOptions } from './core/createRefresher.ts';
export { createRefresher } from './core/createRefresher.ts';
export type { DisplayValueOptions } from './core/displayStyle.ts';
export { displayStyle } from './core/displayStyle.ts';
export { filterDefaults } from './core/filterDefaults.ts';
export type { BucketUnit, ValueFormatter, ValueStyle } from './core/format.ts';
export { createValueFormatter } from './core/format.ts';
export type { GapRow } from './core/gapBoardModel.ts';
export { gapBoardModel } from './core/gapBoardModel.ts';
export type { KpiModel } from './core/kpiModel.ts';
export { kpiModel } from './core/kpiModel.ts';
export { lineOption } from './core/lineOption.ts';
export type { DashboardMessages, DatePreset } from './core/messages.ts';
export { dashboardMessages } from './core/messages.ts';
export type { TableColumn } from './core/tableModel.ts';
export { tableColumns } from './core/tableModel.ts';
export type { Band } from './core/thresholds.ts';
export { bandFor, DEFAULT_PROGRESS_THRESHOLDS } from './core/thresholds.ts';
export type {
  FilterValue,
  FilterValues,
  NamedOption,
  QueryWidget,
  RecordChange,
  Row,
  SubscribeToChanges,
  WidgetLoader,
} from './core/types.ts';
export { PREVIOUS } from './core/values.ts';
export type { DashboardProps } from './react/Dashboard.tsx';
export { Dashboard } from './react/Dashboard.tsx';
export type { EChartProps } from './react/EChart.tsx';
export { EChart } from './react/EChart.tsx';
export type { WidgetRenderers } from './react/registry.ts';
export { BUILT_IN_RENDERERS } from './react/registry.ts';
export type { WidgetContext, WidgetProps } from './react/WidgetContext.ts';
