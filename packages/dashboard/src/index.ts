export { spreadsheetSafe } from '@formboard/schema';
export type { AlertEntry, AlertSeverity } from './core/alertListModel.ts';
export { alertListModel, RESPONSE_GOAL_MS } from './core/alertListModel.ts';
export type { TreeNode } from './core/alignmentTreeModel.ts';
export { alignmentTreeModel, RECORD_ID } from './core/alignmentTreeModel.ts';
export { barModel, barOption } from './core/barOption.ts';
export type { ChartContext, ChartData, ChartSeries } from './core/chartData.ts';
export { chartData } from './core/chartData.ts';
export type { ChartModel, PointValues } from './core/chartModel.ts';
export type { ChartOption } from './core/chartParts.ts';
export type { ClickThrough } from './core/clickThrough.ts';
export { clickThroughOf } from './core/clickThrough.ts';
export type { ColorName } from './core/colors.ts';
export { COLOR_HEX, NEUTRAL, SERIES_COLORS, TEXT_HEX } from './core/colors.ts';
export type { Refresher, RefresherOptions } from './core/createRefresher.ts';
export { createRefresher } from './core/createRefresher.ts';
export type { CsvCell } from './core/csv.ts';
export { toCsv } from './core/csv.ts';
export type { DisplayValueOptions } from './core/displayStyle.ts';
export { displayStyle } from './core/displayStyle.ts';
export type { FieldNames } from './core/fieldNames.ts';
export { fieldNames } from './core/fieldNames.ts';
export { filterDefaults } from './core/filterDefaults.ts';
export type { BucketUnit, ValueFormatter, ValueStyle } from './core/format.ts';
export { createValueFormatter } from './core/format.ts';
export { funnelModel } from './core/funnelModel.ts';
export type { GapRow } from './core/gapBoardModel.ts';
export { gapBoardModel } from './core/gapBoardModel.ts';
export { gaugeModel } from './core/gaugeModel.ts';
export { HEATMAP_PALETTES, heatmapModel } from './core/heatmapModel.ts';
export type { KpiModel } from './core/kpiModel.ts';
export { kpiModel } from './core/kpiModel.ts';
export type { LeaderboardEntry } from './core/leaderboardModel.ts';
export { leaderboardModel } from './core/leaderboardModel.ts';
export { lineModel, lineOption } from './core/lineOption.ts';
export type { DashboardMessages, DatePreset } from './core/messages.ts';
export { dashboardMessages } from './core/messages.ts';
export type { NineBoxCell, NineBoxMember, NineBoxModel } from './core/nineBoxModel.ts';
export { nineBoxModel } from './core/nineBoxModel.ts';
export { pieModel } from './core/pieModel.ts';
export { scatterModel } from './core/scatterModel.ts';
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
export type { CsvContext } from './core/widgetCsv.ts';
export { widgetCsv } from './core/widgetCsv.ts';
export type { DashboardProps } from './react/Dashboard.tsx';
export { Dashboard } from './react/Dashboard.tsx';
export type { EChartProps } from './react/EChart.tsx';
export { EChart } from './react/EChart.tsx';
export type { WidgetRenderers } from './react/registry.ts';
export { BUILT_IN_RENDERERS } from './react/registry.ts';
export type { TvModeProps } from './react/TvMode.tsx';
export { TvMode } from './react/TvMode.tsx';
export type { OpenRecords, WidgetContext, WidgetProps } from './react/WidgetContext.ts';
