import type { Dashboard } from './dashboardTypes.ts';

/**
 * A widget id not used in the dashboard: the type and a random part (`line_k3x9q`), never counted, so
 * an id deleted from one version is not given to an unrelated widget in the next.
 */
export function uniqueWidgetId(dashboard: Dashboard, type: string, nextId: () => string): string {
  const taken = new Set(dashboard.widgets.map((w) => w.id));
  for (;;) {
    const id = `${type}_${nextId()}`.slice(0, 64);
    if (!taken.has(id)) return id;
  }
}
