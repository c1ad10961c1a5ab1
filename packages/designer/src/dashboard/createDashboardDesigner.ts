import { DASHBOARD_SCHEMA_VERSION, type LocalizedText, migrate } from '@formboard/schema';
import type { CommandResult } from '../core/Command.ts';
import { createDocumentStore, type DocumentStore } from '../core/createDocumentStore.ts';
import { randomId } from '../form/fieldKeys.ts';
import { type AddWidgetOptions, addWidget } from './commands/addWidget.ts';
import { moveWidget, resizeWidget } from './commands/arrangeWidget.ts';
import { type DashboardProperty, setColumns, setDashboardProperty } from './commands/dashboardProperties.ts';
import { addFilter, removeFilter, setFilterProperty } from './commands/filters.ts';
import { addMeasure, type Measure, removeMeasure } from './commands/measures.ts';
import { setWidgetSource, setWidgetType } from './commands/rebuildWidget.ts';
import { removeWidgets } from './commands/removeWidgets.ts';
import { getWidgetProperty, setWidgetProperty } from './commands/setWidgetProperty.ts';
import { dashboardAdapter } from './dashboardClipboard.ts';
import { createDashboardChecker, type DashboardResult } from './dashboardProblems.ts';
import type { Dashboard, FilterType, WidgetType } from './dashboardTypes.ts';
import { type SourceCatalog, type SourceForm, sourceCatalog } from './sourceForms.ts';
import { createWidgetPalette, type WidgetPalette } from './widgetPalette.ts';

/** Options of `createDashboardDesigner`. */
export interface DashboardDesignerOptions {
  /** The dashboard to edit; an older schemaVersion is migrated first. */
  readonly definition: Dashboard;
  /**
   * The forms widgets may read. New widgets and a changed source get defaults from their fields; form
   * definitions among them are also used to check queries (fields, types) in `toDefinition`.
   */
  readonly forms?: readonly SourceForm[];
  /** Palette of widget types; default every built-in type. */
  readonly palette?: WidgetPalette;
  /** Makes the random part of new widget ids; tests pass a counter. Default 5 random base-36 characters. */
  readonly nextId?: () => string;
}

/** The headless dashboard designer: the document store of one dashboard plus its commands. */
export interface DashboardDesignerStore extends DocumentStore<Dashboard> {
  readonly palette: WidgetPalette;
  readonly sources: SourceCatalog;
  /** Adds a widget of a palette type at a place (default the first free one) and selects it. */
  add(type: WidgetType, options?: AddWidgetOptions): CommandResult;
  /** Moves a widget's top-left corner; widgets it would overlap move down. */
  move(id: string, x: number, y: number): CommandResult;
  /** Resizes a widget (its left edge stays; no wider than the grid); widgets it would overlap move down. */
  resize(id: string, w: number, h: number): CommandResult;
  remove(ids: readonly string[]): CommandResult;
  /** Sets a widget property by dotted path (`title`, `query.filter`, `display.stacked`…); undefined removes it. */
  setProperty(id: string, key: string, value: unknown): CommandResult;
  getProperty(id: string, key: string): unknown;
  /** Chooses the form a widget reads; its query is made afresh from the form's fields. */
  setSource(id: string, formId: string): CommandResult;
  /** Changes a widget's type, keeping its place, source, title and what still applies. */
  setType(id: string, type: WidgetType): CommandResult;
  addMeasure(id: string, measure?: Measure): CommandResult;
  removeMeasure(id: string, measureId: string): CommandResult;
  setDashboardProperty(key: DashboardProperty, value: unknown): CommandResult;
  /** Switches the grid between 12 and 24 columns, scaling the widgets. */
  setColumns(columns: 12 | 24): CommandResult;
  addFilter(type: FilterType): CommandResult;
  removeFilter(id: string): CommandResult;
  setFilterProperty(id: string, key: string, value: unknown): CommandResult;
  /** The current definition when it is valid, else every problem, each linked to its widget or filter. */
  toDefinition(): DashboardResult;
}

/** Creates the designer of one dashboard definition. */
export function createDashboardDesigner(options: DashboardDesignerOptions): DashboardDesignerStore {
  const nextId = options.nextId ?? randomId;
  const palette = options.palette ?? createWidgetPalette();
  const sources = sourceCatalog(options.forms);
  const migrated = migrate(options.definition);
  const definition = (migrated.ok ? migrated.value : options.definition) as Dashboard;
  const documents = createDocumentStore({ document: definition, adapter: dashboardAdapter(nextId) });
  const definitions = new Map(
    sources.forms.flatMap((f) => (f.definition ? [[f.id, f.definition] as const] : [])),
  );
  // Queries are checked against the source forms only when the host gave their definitions (a summary
  // of fields is not enough for the validator, and an unknown form would be reported as missing).
  const check = createDashboardChecker(
    definitions.size > 0 && definitions.size === sources.forms.length
      ? { form: (id) => definitions.get(id) }
      : {},
  );
  const run = documents.execute;
  return {
    ...documents,
    palette,
    sources,
    add(type, addOptions = {}) {
      const item = palette.get(type);
      if (!item)
        return {
          ok: false,
          reason: { 'zh-CN': `没有组件类型 ${type}`, en: `there is no widget type ${type}` },
        };
      return run(addWidget(item, addOptions, sources, nextId));
    },
    move: (id, x, y) => run(moveWidget(id, x, y)),
    resize: (id, w, h) => run(resizeWidget(id, w, h)),
    remove: (ids) => run(removeWidgets(ids)),
    setProperty: (id, key, value) => run(setWidgetProperty(id, key, value)),
    getProperty: (id, key) => getWidgetProperty(documents.getState().document, id, key),
    setSource: (id, formId) => run(setWidgetSource(id, formId, sources)),
    setType: (id, type) => run(setWidgetType(id, type, sources)),
    addMeasure: (id, measure) => run(addMeasure(id, measure)),
    removeMeasure: (id, measureId) => run(removeMeasure(id, measureId)),
    setDashboardProperty: (key, value) => run(setDashboardProperty(key, value)),
    setColumns: (columns) => run(setColumns(columns)),
    addFilter: (type) => run(addFilter(type, sources)),
    removeFilter: (id) => run(removeFilter(id)),
    setFilterProperty: (id, key, value) => run(setFilterProperty(id, key, value)),
    toDefinition: () => check(documents.getState().document),
  };
}

/** A new, empty dashboard definition to start designing from (12 columns, 48 px rows). */
export function createEmptyDashboard(id: string, title: LocalizedText): Dashboard {
  return {
    kind: 'dashboard',
    id,
    schemaVersion: DASHBOARD_SCHEMA_VERSION,
    title,
    grid: { columns: 12, rowHeight: 48 },
    widgets: [],
  };
}
