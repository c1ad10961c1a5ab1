import {
  BarChart,
  FunnelChart,
  GaugeChart,
  HeatmapChart,
  LineChart,
  PieChart,
  ScatterChart,
} from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { type EChartsType, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

// Tree-shaking: only these charts, components and the SVG renderer reach the bundle, instead of the
// whole of `echarts` (about a third of its size). A widget type that needs another chart adds it here.
let registered = false;

/** Creates a chart drawing SVG into `element` (SVG is crisp on TV screens and testable in jsdom). */
export function createChart(element: HTMLElement, width: number, height: number): EChartsType {
  if (!registered) {
    use([
      LineChart,
      BarChart,
      PieChart,
      GaugeChart,
      FunnelChart,
      HeatmapChart,
      ScatterChart,
      GridComponent,
      LegendComponent,
      TooltipComponent,
      MarkLineComponent,
      VisualMapComponent,
      SVGRenderer,
    ]);
    registered = true;
  }
  return init(element, null, { renderer: 'svg', width, height });
}
