import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DashboardDefinition, DashboardWidget } from '@formboard/schema';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import {
  Dashboard,
  type DashboardProps,
  type FilterValues,
  type Row,
  type WidgetLoader,
} from '../src/index.ts';

/** A valid dashboard fixture of @formboard/schema, checked against the schema before use. */
export function fixture(name: 'dashboard-performance' | 'dashboard-okr-overview'): DashboardDefinition {
  const file = join(import.meta.dirname, '../../schema/fixtures/valid', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as DashboardDefinition;
}

/** The widget of a fixture with this id and type. */
export function widgetOf<T extends DashboardWidget['type']>(
  definition: DashboardDefinition,
  id: string,
  type: T,
): Extract<DashboardWidget, { type: T }> {
  const widget = definition.widgets.find((w) => w.id === id);
  if (widget?.type !== type) throw new Error(`no ${type} widget ${id}`);
  return widget as Extract<DashboardWidget, { type: T }>;
}

/** A dashboard of just these widgets (on the fixture's grid, without its filters). */
export function only(definition: DashboardDefinition, ...ids: string[]): DashboardDefinition {
  return { ...definition, filters: [], widgets: definition.widgets.filter((w) => ids.includes(w.id)) };
}

/** A loader answering from fixed rows per widget id, recording every call. */
export function fakeLoader(rowsById: Record<string, readonly Row[]>) {
  const calls: { widgetId: string; filters: FilterValues }[] = [];
  const loader: WidgetLoader = async (widgetId, filters) => {
    calls.push({ widgetId, filters });
    return rowsById[widgetId] ?? [];
  };
  return { loader, calls };
}

/** Renders a board of one chart widget from fixed rows and waits for its SVG: the SVG and its texts. */
export async function renderChart(
  definition: DashboardDefinition,
  rows: Record<string, readonly Row[]>,
  props: Partial<DashboardProps> = {},
): Promise<{ svg: SVGSVGElement; texts: string[] }> {
  const { loader } = fakeLoader(rows);
  render(createElement(Dashboard, { definition, loader, animate: false, ...props }));
  const img = await screen.findByRole('img');
  // The chart draws in an effect, which may run just after the element appears.
  const svg = await waitFor(() => {
    const drawn = img.querySelector('svg');
    if (!drawn) throw new Error('no svg yet');
    return drawn;
  });
  return { svg, texts: [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '') };
}

/** The fill colours of an SVG's shapes. */
export const fills = (svg: SVGSVGElement) =>
  [...svg.querySelectorAll('path, rect')].map((p) => p.getAttribute('fill'));

/** Clicks the middle of a rectangle drawn as an SVG path (`M x y l w 0 l 0 h …`), as a mouse would. */
export function clickRect(svg: SVGSVGElement, path: Element): void {
  const [x = 0, y = 0, width = 0, , , height = 0] = (
    path.getAttribute('d')?.match(/-?\d+(\.\d+)?/g) ?? []
  ).map(Number);
  const at = { clientX: x + width / 2, clientY: y + height / 2 };
  const target = svg.parentElement ?? svg;
  fireEvent.mouseMove(target, at);
  fireEvent.mouseDown(target, at);
  fireEvent.mouseUp(target, at);
  fireEvent.click(target, at);
}
