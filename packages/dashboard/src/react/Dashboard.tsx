import type { Locale } from '@formboard/formula';
import type { DashboardDefinition, FormDefinition } from '@formboard/schema';
import { localize } from '@formboard/schema';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { type ClickThrough, clickThroughOf } from '../core/clickThrough.ts';
import { createRefresher } from '../core/createRefresher.ts';
import { fieldNames } from '../core/fieldNames.ts';
import { filterDefaults } from '../core/filterDefaults.ts';
import { createValueFormatter } from '../core/format.ts';
import { dashboardMessages } from '../core/messages.ts';
import {
  type FilterValue,
  type FilterValues,
  type NamedOption,
  readsData,
  type SubscribeToChanges,
  sourceOf,
  type WidgetLoader,
} from '../core/types.ts';
import { FilterBar } from './FilterBar.tsx';
import { BUILT_IN_RENDERERS, type WidgetRenderers } from './registry.ts';
import { useNarrow } from './useNarrow.ts';
import type { OpenRecords, WidgetContext } from './WidgetContext.ts';
import { WidgetSlot } from './WidgetSlot.tsx';

/** Props of {@link Dashboard}. */
export interface DashboardProps {
  readonly definition: DashboardDefinition;
  /** Fetches a widget's rows with the current filter values (the package knows no HTTP). Alert lists
   * get alert rows and alignment trees record rows from it too (see the README). */
  readonly loader: WidgetLoader;
  readonly locale?: Locale;
  /** People the person filters offer, and names for person group values. */
  readonly people?: readonly NamedOption[];
  /** Org units the org-unit filters offer, and names for unit group values. */
  readonly orgUnits?: readonly NamedOption[];
  /** The forms the widgets read: their field titles name group columns, their choice titles the
   * values (without them, paths and raw values show). */
  readonly forms?: readonly FormDefinition[];
  /** Record changes from the host; widgets reading the changed form reload. */
  readonly subscribe?: SubscribeToChanges;
  /** After a reload on a record change, further changes wait for this much quiet (default 500 ms). */
  readonly refreshDebounceMs?: number;
  /** Extra or replacement widget renderers, by widget type. */
  readonly renderers?: WidgetRenderers;
  /** Filter values to start with instead of the definition's defaults (e.g. from the URL). */
  readonly initialFilters?: FilterValues;
  readonly onFiltersChange?: (values: FilterValues) => void;
  /** Called when a bar, slice, cell, point or row is clicked: open the records behind it. Without it
   * nothing is clickable. */
  readonly onClickThrough?: (target: ClickThrough) => void;
  /** The signed-in viewer's user id (leaderboards can highlight their row). */
  readonly viewerId?: string;
  /** Chart animations (default true; off for screenshots and tests). */
  readonly animate?: boolean;
  /** ISO currency code for "currency" values (default CNY). */
  readonly currency?: string;
  /** The time zone moments are shown in (default: the browser's). */
  readonly timeZone?: string;
  /** The clock (default Date.now); alert ages are measured against it. */
  readonly now?: () => number;
  /** A wall screen: no filter bar and no download buttons. */
  readonly kiosk?: boolean;
}

const GAP = 12;
const TITLE_HEIGHT = 40;
const DEFAULT_ROW_HEIGHT = 48;
const NO_OPTIONS: readonly NamedOption[] = [];
const NO_FORMS: readonly FormDefinition[] = [];

/** Bumps the reload counter of each widget id. */
const bump = (current: Readonly<Record<string, number>>, ids: Iterable<string>) => {
  const next = { ...current };
  for (const id of ids) next[id] = (next[id] ?? 0) + 1;
  return next;
};

/** A dashboard: filter controls, then its widgets on the definition's grid (one column on a phone). */
export function Dashboard({
  definition,
  loader,
  locale = 'zh-CN',
  people = NO_OPTIONS,
  orgUnits = NO_OPTIONS,
  forms = NO_FORMS,
  subscribe,
  refreshDebounceMs = 500,
  renderers,
  initialFilters,
  onFiltersChange,
  onClickThrough,
  viewerId,
  animate = true,
  currency,
  timeZone,
  now = Date.now,
  kiosk = false,
}: DashboardProps): ReactNode {
  const [filters, setFilters] = useState(() => filterDefaults(definition, initialFilters));
  const [versions, setVersions] = useState<Readonly<Record<string, number>>>({});
  const narrow = useNarrow();
  const messages = dashboardMessages(locale);
  const format = useMemo(
    () => createValueFormatter(locale, currency, timeZone),
    [locale, currency, timeZone],
  );
  const names = useMemo(
    () => new Map([...orgUnits, ...people].map((o) => [o.id, o.name])),
    [people, orgUnits],
  );
  const formById = useMemo(() => new Map(forms.map((form) => [form.id, form])), [forms]);
  const allRenderers = useMemo(() => ({ ...BUILT_IN_RENDERERS, ...renderers }), [renderers]);
  // Click-through reads the filters at click time, so the context need not change with them.
  const latest = useRef({ filters, onClickThrough });
  latest.current = { filters, onClickThrough };
  const clickable = onClickThrough !== undefined;
  const openRecords = useMemo<OpenRecords | undefined>(
    () =>
      clickable
        ? (widget, values, recordId) => {
            const target = clickThroughOf(widget, values, latest.current.filters, recordId);
            if (target) latest.current.onClickThrough?.(target);
          }
        : undefined,
    [clickable],
  );
  // One context object per body height and source form, stable across renders, so widgets'
  // memoised options hold.
  const contextFor = useMemo(() => {
    const known = new Map<string, WidgetContext>();
    return (height: number, source: string | undefined): WidgetContext => {
      const key = `${height}:${source ?? ''}`;
      const existing = known.get(key);
      if (existing) return existing;
      const fields = fieldNames(source === undefined ? undefined : formById.get(source), locale);
      const context: WidgetContext = {
        locale,
        format,
        messages,
        nameOf: (field, value) => names.get(value) ?? fields.option(field, value) ?? value,
        fieldLabel: fields.label,
        animate,
        height,
        now,
        ...(viewerId === undefined ? {} : { viewerId }),
        ...(openRecords === undefined ? {} : { openRecords }),
      };
      known.set(key, context);
      return context;
    };
  }, [locale, format, messages, names, formById, animate, now, viewerId, openRecords]);

  useEffect(() => {
    if (!subscribe) return;
    const refresher = createRefresher({
      widgets: definition.widgets,
      debounceMs: refreshDebounceMs,
      onRefresh: (ids) => setVersions((current) => bump(current, ids)),
    });
    const unsubscribe = subscribe((change) => refresher.notify(change));
    return () => {
      unsubscribe();
      refresher.dispose();
    };
  }, [subscribe, definition.widgets, refreshDebounceMs]);

  // The definition's refreshSeconds re-runs every query on a timer, besides the pushed changes.
  const { refreshSeconds } = definition;
  useEffect(() => {
    if (refreshSeconds === undefined) return;
    const ids = definition.widgets.filter(readsData).map((w) => w.id);
    const timer = setInterval(() => setVersions((current) => bump(current, ids)), refreshSeconds * 1000);
    return () => clearInterval(timer);
  }, [refreshSeconds, definition.widgets]);

  const changeFilter = (id: string, value: FilterValue) => {
    const next = { ...filters, [id]: value };
    setFilters(next);
    onFiltersChange?.(next);
  };

  const rowHeight = definition.grid.rowHeight ?? DEFAULT_ROW_HEIGHT;
  const columns = narrow ? 1 : definition.grid.columns;
  // Reading order on a phone: top to bottom, then left to right.
  const widgets = narrow
    ? [...definition.widgets].sort((a, b) => a.layout.y - b.layout.y || a.layout.x - b.layout.x)
    : definition.widgets;
  const gridStyle: CSSProperties = {
    display: 'grid',
    gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
    gridAutoRows: `${rowHeight}px`,
    gap: GAP,
  };
  return (
    <div className="fb-dashboard" lang={locale} data-kiosk={kiosk || undefined}>
      <h1 className="fb-dashboard-title">{localize(definition.title, locale)}</h1>
      {!kiosk && (
        <FilterBar
          filters={definition.filters ?? []}
          values={filters}
          onChange={changeFilter}
          people={people}
          orgUnits={orgUnits}
          messages={messages}
          locale={locale}
        />
      )}
      <div className="fb-dashboard-grid" data-columns={columns} style={gridStyle}>
        {widgets.map((widget) => {
          const { x, y, w, h } = widget.layout;
          const height = Math.max(rowHeight, h * rowHeight + (h - 1) * GAP - TITLE_HEIGHT);
          const context = contextFor(height, sourceOf(widget));
          return (
            <div
              key={widget.id}
              className="fb-dashboard-cell"
              style={{
                gridColumn: narrow ? '1 / -1' : `${x + 1} / span ${w}`,
                gridRow: narrow ? `auto / span ${h}` : `${y + 1} / span ${h}`,
              }}
            >
              <WidgetSlot
                widget={widget}
                loader={loader}
                filters={filters}
                version={versions[widget.id] ?? 0}
                renderers={allRenderers}
                context={context}
                kiosk={kiosk}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
