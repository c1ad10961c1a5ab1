import type { DashboardDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { COLOR_HEX, SERIES_COLORS } from '../src/index.ts';
import { fixture, only, renderChart } from './support.ts';

/** Renders a board and waits for its chart's SVG. */
const chart = (
  definition: DashboardDefinition,
  rows: Record<string, readonly Record<string, unknown>[]>,
  locale: 'zh-CN' | 'en' = 'zh-CN',
  orgUnits: { id: string; name: string }[] = [],
) => renderChart(definition, rows, { locale, orgUnits });

const trendRows = [
  { period: '2025-02-01', avgScore: 82 },
  { period: '2025-01-01', avgScore: 78.5 },
  { period: '2025-03-01', avgScore: 88 },
];

describe('line chart', () => {
  it('draws months in order, the series colour and a labelled target line', async () => {
    const { svg, texts } = await chart(only(fixture('dashboard-performance'), 'trend'), { trend: trendRows });
    const months = texts.filter((t) => t?.includes('月'));
    expect(months).toEqual(['2025年1月', '2025年2月', '2025年3月']);
    expect(texts).toContain('目标线 85');
    const strokes = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('stroke'));
    expect(strokes).toContain(SERIES_COLORS[0]);
    // One series: no legend entry with the measure name.
    expect(texts).not.toContain('平均得分');
  });

  it('splits a bucketed, grouped query into one named series per group', async () => {
    const base = fixture('dashboard-performance');
    const trend = base.widgets.find((w) => w.id === 'trend');
    if (trend?.type !== 'line') throw new Error('line expected');
    const grouped = { ...trend, query: { ...trend.query, groupBy: ['team'] } };
    const definition = { ...base, filters: [], widgets: [grouped] };
    const { svg, texts } = await chart(
      definition,
      {
        trend: [
          { period: '2025-01-01', team: 'a', avgScore: 70 },
          { period: '2025-01-01', team: 'b', avgScore: 90 },
          { period: '2025-02-01', team: 'a', avgScore: 75 },
        ],
      },
      'en',
      [
        { id: 'a', name: 'Assembly' },
        { id: 'b', name: 'Paint shop' },
      ],
    );
    expect(texts).toEqual(
      expect.arrayContaining(['Jan 2025', 'Feb 2025', 'Assembly', 'Paint shop', 'Target 85']),
    );
    const strokes = new Set([...svg.querySelectorAll('path')].map((p) => p.getAttribute('stroke')));
    expect(strokes).toContain(SERIES_COLORS[0]);
    expect(strokes).toContain(SERIES_COLORS[1]);
  });
});

describe('bar chart', () => {
  const okr = fixture('dashboard-okr-overview');
  const rows = {
    byTeam: [
      { team: 'ops', progress: 0.5, owners: 3 },
      { team: 'rnd', progress: 0.8, owners: 5 },
    ],
  };
  const units = [
    { id: 'ops', name: '生产部' },
    { id: 'rnd', name: '研发部' },
  ];

  it('labels bars with unit names and values, and draws the target', async () => {
    const { svg, texts } = await chart(only(okr, 'byTeam'), rows, 'zh-CN', units);
    expect(texts).toEqual(expect.arrayContaining(['生产部', '研发部', '0.5', '0.8', '目标 0.7']));
    const fills = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('fill'));
    expect(fills.filter((f) => f === SERIES_COLORS[0]).length).toBeGreaterThanOrEqual(2);
  });

  it('colours each bar by its threshold band against the target', async () => {
    const byTeam = okr.widgets.find((w) => w.id === 'byTeam');
    if (byTeam?.type !== 'bar') throw new Error('bar expected');
    const banded = {
      ...byTeam,
      thresholds: {
        basis: 'targetRatio' as const,
        higherIsBetter: true,
        bands: [
          { from: 0, color: 'red' as const },
          { from: 1, color: 'green' as const },
        ],
      },
    };
    const { svg } = await chart({ ...okr, filters: [], widgets: [banded] }, rows, 'zh-CN', units);
    const fills = [...svg.querySelectorAll('path')].map((p) => p.getAttribute('fill'));
    expect(fills).toContain(COLOR_HEX.red);
    expect(fills).toContain(COLOR_HEX.green);
    expect(fills).not.toContain(SERIES_COLORS[0]);
  });
});
