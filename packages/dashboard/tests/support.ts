import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DashboardDefinition, DashboardWidget } from '@formboard/schema';
import type { FilterValues, Row, WidgetLoader } from '../src/index.ts';

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
