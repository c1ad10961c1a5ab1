/// <reference types="vite/client" />
/**
 * The benchmark page: the 20-widget board mounted by @formboard/dashboard's <Dashboard> the way the
 * studio mounts it — the published definition from the API, the studio's own board loader (query
 * widgets asked for in one turn go as one `POST /api/dashboards/:id/data`), and the server's change
 * events (SSE) as `subscribe` — with timing hooks for the runner.
 */
import type { DashboardDefinition } from '@formboard/schema';
import { createRoot, type Root } from 'react-dom/client';
import {
  Dashboard,
  type FilterValues,
  type NamedOption,
  type RecordChange,
  type Row,
  type WidgetLoader,
} from '../../../packages/dashboard/src/index.ts';
import '../../../packages/dashboard/src/styles.css';
import { setCsrfToken } from '../../../apps/studio/src/api/client.ts';
import { boardLoader } from '../../../apps/studio/src/boards/boardLoader.ts';
import { BOARD_ID, checkIn, FORM_ID } from '../boardData.ts';
import type { DashboardBench, OpenTiming } from '../protocol.ts';
import { whenPainted } from './painted.ts';

interface Request {
  readonly widgetId: string;
  readonly start: number;
  readonly end: number;
}

let csrf = '';
let root: Root | undefined;
let definition: DashboardDefinition | undefined;
let people: readonly NamedOption[] = [];
let orgUnits: readonly NamedOption[] = [];
let lastEventAt = 0;
const requests: Request[] = [];
const lastRows = new Map<string, readonly Row[]>();
const listeners = new Set<(change: RecordChange) => void>();
const container = document.getElementById('root') as HTMLElement;

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
  body: JSON.stringify(body),
});

/** The studio's loader for a board, timed per widget (from asking to its rows). */
function timedLoader(board: DashboardDefinition): WidgetLoader {
  const load = boardLoader(board);
  return async (widgetId, filters) => {
    const start = performance.now();
    const rows = await load(widgetId, filters);
    requests.push({ widgetId, start, end: performance.now() });
    lastRows.set(widgetId, rows);
    return rows;
  };
}

const subscribe = (listener: (change: RecordChange) => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

function mount(board: DashboardDefinition, loader: WidgetLoader, filters: FilterValues): void {
  root?.unmount();
  root = createRoot(container);
  root.render(
    <Dashboard
      definition={board}
      loader={loader}
      people={people}
      orgUnits={orgUnits}
      subscribe={subscribe}
      initialFilters={filters}
      animate={false}
      locale="zh-CN"
    />,
  );
}

const kpiText = () =>
  container.querySelector('[data-widget-id="checkIns"] [data-testid="kpi-value"]')?.textContent;
const since = (t0: number) => performance.now() - t0;

const bench: DashboardBench = {
  async signIn(login, password) {
    const response = await fetch('/api/session', json({ login, password }));
    if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
    csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
    setCsrfToken(csrf);
    const named = async (url: string) =>
      ((await (await fetch(url)).json()) as { id: string; name: string }[]).map(({ id, name }) => ({
        id,
        name,
      }));
    [people, orgUnits] = await Promise.all([named('/api/users'), named('/api/org-units')]);
    const events = new EventSource('/api/events');
    events.addEventListener('record', (event) => {
      lastEventAt = performance.now();
      const { formId } = JSON.parse((event as MessageEvent<string>).data) as { formId: string };
      for (const listener of listeners) listener({ formId });
    });
    await new Promise((resolve) => events.addEventListener('open', resolve, { once: true }));
  },

  async open(filters): Promise<OpenTiming> {
    bench.close();
    requests.length = 0;
    const t0 = performance.now();
    const response = await fetch(`/api/definitions/${BOARD_ID}`);
    definition = ((await response.json()) as { version: { content: DashboardDefinition } }).version.content;
    const definitionMs = since(t0);
    mount(definition, timedLoader(definition), filters as FilterValues);
    await whenPainted(container, definition.widgets.length);
    const paintedMs = since(t0);
    return {
      definitionMs,
      lastRowsMs: Math.max(...requests.map((r) => r.end)) - t0,
      paintedMs,
      slowestRequestMs: Math.max(...requests.map((r) => r.end - r.start)),
      requestSumMs: requests.reduce((sum, r) => sum + r.end - r.start, 0),
    };
  },

  async renderOnly() {
    if (!definition) throw new Error('open the board first');
    const board = definition;
    bench.close();
    const instant: WidgetLoader = async (widgetId) => lastRows.get(widgetId) ?? [];
    const t0 = performance.now();
    mount(board, instant, {});
    await whenPainted(container, board.widgets.length);
    return since(t0);
  },

  async renderEach() {
    if (!definition) throw new Error('open the board first');
    const board = definition;
    const instant: WidgetLoader = async (widgetId) => lastRows.get(widgetId) ?? [];
    const out: [string, number][] = [];
    for (const widget of board.widgets) {
      bench.close();
      const t0 = performance.now();
      mount({ ...board, widgets: [widget] }, instant, {});
      await whenPainted(container, 1);
      out.push([widget.id, since(t0)]);
    }
    return out;
  },

  async submit(i) {
    if (!definition) throw new Error('open the board first');
    const before = kpiText();
    requests.length = 0;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const t0 = performance.now();
    const response = await fetch(
      `/api/forms/${FORM_ID}/records`,
      json({ data: { ...checkIn(i, yesterday), reportedOn: yesterday } }),
    );
    if (response.status !== 201) throw new Error(`submit failed: ${response.status}`);
    const submittedMs = since(t0);
    const count = definition.widgets.length;
    await whenPainted(
      container,
      count,
      () => lastEventAt > t0 && requests.length >= count && kpiText() !== before,
    );
    const paintedMs = since(t0);
    return {
      submittedMs,
      eventMs: lastEventAt - t0,
      lastRowsMs: Math.max(...requests.map((r) => r.end)) - t0,
      paintedMs,
      widgetsReloaded: requests.length,
    };
  },

  close() {
    root?.unmount();
    root = undefined;
  },

  pageWidth: () => document.documentElement.scrollWidth,
};

window.dashboardBench = bench;
