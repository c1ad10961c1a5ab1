import type { DashboardWidget } from '@formboard/schema';
import type { ComponentType } from 'react';
import type { WidgetProps } from './WidgetContext.ts';
import { AlertList } from './widgets/AlertList.tsx';
import { AlignmentTree } from './widgets/AlignmentTree.tsx';
import {
  BarWidgetView,
  FunnelWidgetView,
  GaugeWidgetView,
  HeatmapWidgetView,
  LineWidgetView,
  PieWidgetView,
  ScatterWidgetView,
} from './widgets/ChartWidgets.tsx';
import { GapBoard } from './widgets/GapBoard.tsx';
import { KpiCard } from './widgets/KpiCard.tsx';
import { Leaderboard } from './widgets/Leaderboard.tsx';
import { NineBox } from './widgets/NineBox.tsx';
import { TableWidgetView } from './widgets/TableWidget.tsx';
import { TextWidgetView } from './widgets/TextWidget.tsx';

/** A renderer per widget type; types without one show a "not supported yet" note. */
export type WidgetRenderers = {
  readonly [T in DashboardWidget['type']]?: ComponentType<WidgetProps<Extract<DashboardWidget, { type: T }>>>;
};

/** The renderers this package ships: every widget type of the definition language. */
export const BUILT_IN_RENDERERS: WidgetRenderers = {
  kpi: KpiCard,
  gapBoard: GapBoard,
  line: LineWidgetView,
  bar: BarWidgetView,
  pie: PieWidgetView,
  gauge: GaugeWidgetView,
  funnel: FunnelWidgetView,
  heatmap: HeatmapWidgetView,
  scatter: ScatterWidgetView,
  table: TableWidgetView,
  leaderboard: Leaderboard,
  alertList: AlertList,
  alignmentTree: AlignmentTree,
  nineBox: NineBox,
  text: TextWidgetView,
};

/** The renderer of a widget's type, typed for any widget (the map guarantees the types match). */
export function rendererFor(
  renderers: WidgetRenderers,
  widget: DashboardWidget,
): ComponentType<WidgetProps> | undefined {
  return renderers[widget.type] as ComponentType<WidgetProps> | undefined;
}
