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
}

// Without layout (jsdom, a hidden tab) an element is 0 px wide; draw at this width until it is measured.
const FALLBACK_WIDTH = 480;

/** An echarts chart in a div: created once per height, updated in place when the option changes. */
export function EChart({ option, height, label, animate }: EChartProps): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const latest = useRef({ option, animate });
  latest.current = { option, animate };

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = createChart(el, el.clientWidth || FALLBACK_WIDTH, height);
    instance.setOption({ animation: latest.current.animate, ...latest.current.option });
    chart.current = instance;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? undefined
        : new ResizeObserver(() => instance.resize({ width: el.clientWidth || FALLBACK_WIDTH, height }));
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [height]);

  useEffect(() => {
    // notMerge: a refreshed option replaces the old one, so series that disappeared are removed.
    chart.current?.setOption({ animation: animate, ...option }, { notMerge: true });
  }, [option, animate]);

  return <div ref={element} className="fb-chart" role="img" aria-label={label} style={{ height }} />;
}
