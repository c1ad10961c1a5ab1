import type { Widget } from '../../../dashboard/dashboardTypes.ts';
import { fieldLabel, type SourceField } from '../../../dashboard/sourceForms.ts';
import { sourceOf } from '../../../dashboard/widgetDefaults.ts';
import { choiceName } from '../choiceNames.ts';
import { useDashboardDesigner, useDashboardState } from '../DashboardDesignerContext.ts';
import type { Choice } from './controls.tsx';

/** What a settings section of one widget works with. */
export interface WidgetEditor {
  readonly widget: Widget;
  /** Sets a property by dotted path (undefined removes it), announcing a refusal. */
  set(key: string, value: unknown): void;
  /** The source form's fields (none until a source is chosen). */
  readonly fields: readonly SourceField[];
  /** Fields as select choices, by their labels, filtered by `ok`. */
  fieldChoices(ok?: (field: SourceField) => boolean): Choice[];
  /** Stored values as select choices, by their names in the current locale. */
  choices(values: readonly string[]): Choice[];
}

/** The editor of widget `id`; undefined once the widget is gone. */
export function useWidgetEditor(id: string): WidgetEditor | undefined {
  const { designer, locale, report } = useDashboardDesigner();
  const widget = useDashboardState((s) => s.document.widgets.find((w) => w.id === id));
  if (!widget) return undefined;
  const source = sourceOf(widget);
  const fields = source ? (designer.sources.get(source)?.fields ?? []) : [];
  return {
    widget,
    set: (key, value) => report(designer.setProperty(id, key, value)),
    fields,
    fieldChoices: (ok = () => true) =>
      fields.filter(ok).map((f) => ({ value: f.path, name: fieldLabel(f, locale) })),
    choices: (values) => values.map((value) => ({ value, name: choiceName(locale, value) })),
  };
}
