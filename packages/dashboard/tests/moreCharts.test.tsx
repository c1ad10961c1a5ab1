import type { DashboardDefinition } from '@formboard/schema';
import { cleanup } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { COLOR_HEX, createValueFormatter, gaugeModel, SERIES_COLORS } from '../src/index.ts';
import { fills, fixture, only, renderChart, widgetOf } from './support.ts';

const okr = fixture('dashboard-okr-overview');

/** The okr fixture with one widget replaced. */
const withWidget = (widget: DashboardDefinition['widgets'][number]): DashboardDefinition => ({
  ...okr,
  filters: [],
  widgets: [widget],
});

describe('pie', () => {
  const rows = {
    byStatus: [
      { status: 'active', objectives: 6 },
      { status: 'done', objectives: 2 },
      { status: 'cancelled', objectives: 0 },
    ],
  };

  it('draws a donut slice per group in series colours, labelled with its share', async () => {
    const { svg, texts } = await renderChart(only(okr, 'byStatus'), rows, { locale: 'en' });
    expect(texts).toEqual(['active 75%', 'done 25%']);
    expect(fills(svg)).toEqual(expect.arrayContaining([SERIES_COLORS[0], SERIES_COLORS[1]]));
    // A zero slice is not drawn.
    expect(fills(svg)).not.toContain(SERIES_COLORS[2]);
  });

  it('shows values in the measure format when percents are off', async () => {
    const pie = widgetOf(okr, 'byStatus', 'pie');
    const { texts } = await renderChart(withWidget({ ...pie, display: { donut: false } }), rows, {
      locale: 'zh-CN',
    });
    expect(texts).toEqual(['active 6', 'done 2']);
  });
});

describe('gauge', () => {
  it('colours the scale by the bands around the target and the value by its band', async () => {
    const { svg, texts } = await renderChart(
      only(okr, 'overall'),
      { overall: [{ progress: 0.63 }] },
      {
        locale: 'en',
      },
    );
    expect(texts).toEqual(expect.arrayContaining(['0%', '50%', '100%', 'Target 70%', '63%']));
    // 0.63 of a 0.7 target is below the green band (from 100 % of target): red.
    const value = [...svg.querySelectorAll('text')].find((t) => t.textContent === '63%');
    expect(value?.getAttribute('fill') ?? value?.getAttribute('style')).toContain(COLOR_HEX.red);
    expect(fills(svg)).toEqual(expect.arrayContaining([COLOR_HEX.red, COLOR_HEX.green]));
  });

  it('places the band edges at value × target on the scale', () => {
    const gauge = widgetOf(okr, 'overall', 'gauge');
    const context = { format: createValueFormatter('en'), nameOf: (_f: string, v: string) => v };
    const model = gaugeModel(gauge, [{ progress: 0.8 }], context, 'Target');
    const series = Array.isArray(model.option.series) ? model.option.series[0] : undefined;
    const axisLine = series && 'axisLine' in series ? series.axisLine : undefined;
    // Red from 0 of target (0 on the scale) to 1 × 0.7 = 0.7, then green to the end.
    expect(axisLine?.lineStyle?.color).toEqual([
      [0, '#e9ecef'],
      [0.7, COLOR_HEX.red],
      [1, COLOR_HEX.green],
    ]);
  });
});

describe('funnel', () => {
  it('orders stages widest first with their share of the first stage', async () => {
    const { svg, texts } = await renderChart(
      only(okr, 'pipeline'),
      {
        pipeline: [
          { status: 'draft', objectives: 10 },
          { status: 'active', objectives: 40 },
          { status: 'done', objectives: 8 },
        ],
      },
      { locale: 'zh-CN' },
    );
    expect(texts).toEqual(['active 40', 'draft 10 (25%)', 'done 8 (20%)']);
    expect(fills(svg)).toEqual(expect.arrayContaining(SERIES_COLORS.slice(0, 3)));
  });
});

describe('heatmap', () => {
  const weekly = {
    ...widgetOf(okr, 'calendar', 'heatmap'),
    title: { 'zh-CN': '每周签到', en: 'Weekly check-ins' },
    query: {
      source: 'okr-objective',
      groupBy: ['owner'],
      timeBucket: { field: 'dueDate', unit: 'week' as const },
      measures: [{ id: 'checkIns', op: 'count' as const }],
    },
    display: { measure: 'checkIns', palette: 'redGreen' as const, showValues: true },
  };
  const rows = {
    calendar: [
      { owner: 'u1', dueDate: '2025-01-13', checkIns: 3 },
      { owner: 'u1', dueDate: '2025-01-06', checkIns: 0 },
      { owner: 'u2', dueDate: '2025-01-06', checkIns: 5 },
    ],
  };
  const people = [
    { id: 'u1', name: '王芳' },
    { id: 'u2', name: '李强' },
  ];

  it('draws weekly check-ins per person: weeks in order, names, values and the palette ends', async () => {
    const { svg, texts } = await renderChart(withWidget(weekly), rows, { locale: 'zh-CN', people });
    expect(texts).toEqual(expect.arrayContaining(['王芳', '李强', '1月6日', '1月13日', '0', '3', '5']));
    expect(texts.indexOf('1月6日')).toBeLessThan(texts.indexOf('1月13日'));
    // The lowest cell takes the ramp's first colour, the highest its last.
    expect(fills(svg)).toEqual(expect.arrayContaining(['rgb(217,45,32)', 'rgb(43,138,62)']));
  });

  it('colours cells by threshold bands when the widget has them', async () => {
    const banded = {
      ...weekly,
      thresholds: {
        higherIsBetter: true,
        bands: [
          { from: 0, color: 'red' as const },
          { from: 1, color: 'yellow' as const },
          { from: 4, color: 'green' as const },
        ],
      },
    };
    const { svg } = await renderChart(withWidget(banded), rows, { locale: 'en', people });
    expect(fills(svg)).toEqual(
      expect.arrayContaining([COLOR_HEX.red, COLOR_HEX.yellow, COLOR_HEX.green].map((c) => c.toLowerCase())),
    );
    cleanup();
  });
});

describe('scatter', () => {
  it('places one labelled dot per person by two measures, named safely', async () => {
    const { svg, texts } = await renderChart(
      only(okr, 'confidence'),
      {
        confidence: [
          { owner: 'u1', progress: 0.2, confidence: 0.5, objectives: 1 },
          { owner: 'u2', progress: 0.8, confidence: 0.9, objectives: 4 },
        ],
      },
      { locale: 'en', people: [{ id: 'u1', name: 'Wang <b>' }] },
    );
    // Axis names are the measure labels; names are text, never markup.
    expect(texts).toEqual(expect.arrayContaining(['progress', 'confidence', 'Wang <b>', 'u2']));
    expect(svg.querySelector('b')).toBeNull();
    expect(fills(svg)).toContain(SERIES_COLORS[0]);
  });
});
