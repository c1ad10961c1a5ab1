import type { EChartsType } from 'echarts/core';
import { type ReactNode, useEffect, useRef } from 'react';
import type { ChartOption } from '../core/chartParts.ts';
import { createChart } from './echartsSetup.ts';

/** Props of {@link EChart}. */
export interface EChartProps {
  readonly option: ChartOption;
  readonly height: number;
  /** The accessible name of the chart (the widget's title). */
  readonly label: string;
  readonly animate: boolean;
  /** Called when a data item (bar, slice, point, cell) is clicked. */
  readonly onItemClick?: (seriesIndex: number, dataIndex: number) => void;
  /** The tooltip of the chart when items are clickable. */
  readonly title?: string;
}

// Without layout (jsdom, a hidden tab) an element is 0 px wide; draw at this width until it is measured.
const FALLBACK_WIDTH = 480;

interface ClickParams {
  readonly componentType?: string;
  readonly seriesIndex?: number;
  readonly dataIndex?: number;
}

/** An echarts chart in a div: created once per height, updated in place when the option changes. */
export function EChart({ option, height, label, animate, onItemClick, title }: EChartProps): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, animate, onItemClick });
  latest.current = { option, animate, onItemClick };

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    let instance: EChartsType | undefined;
    const draw = (width: number) => {
      if (instance) {
        instance.resize({ width: width || FALLBACK_WIDTH, height });
        return;
      }
      instance = createChart(el, width || FALLBACK_WIDTH, height);
      instance.setOption({ animation: latest.current.animate, ...latest.current.option });
      // One listener for the chart's life; it calls the latest callback, so new props need no rebinding.
      instance.on('click', (params: ClickParams) => {
        if (params.componentType !== 'series' || params.seriesIndex === undefined) return;
        latest.current.onItemClick?.(params.seriesIndex, params.dataIndex ?? 0);
      });
      chart.current = instance;
    };
    // The chart is created when the ResizeObserver first reports the element's width: that comes
    // after the browser's own layout, so a board of 20 charts causes no forced layout (reading
    // clientWidth in each chart's effect would lay the whole page out once per chart).
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver((entries) => draw(entries[0]?.contentRect.width ?? 0));
    if (observer) observer.observe(el);
    else draw(el.clientWidth);
    return () => {
      observer?.disconnect();
      instance?.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    // notMerge: a refreshed option replaces the old one, so series that disappeared are removed.
    chart.current?.setOption({ animation: animate, ...option }, { notMerge: true });
  }, [option, animate]);

  return (
    <div
      ref={element}
      className="fb-chart"
      role="img"
      aria-label={label}
      title={onItemClick ? title : undefined}
      style={{ height }}
    />
  );
}
