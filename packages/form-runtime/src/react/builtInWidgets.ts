import type { FieldInfo } from '@formboard/schema';
import { createWidgetRegistry, rankWith, type WidgetDefinition, type WidgetRegistry } from './registry.ts';
import { CheckboxesWidget } from './widgets/CheckboxesWidget.tsx';
import { ComputedWidget } from './widgets/ComputedWidget.tsx';
import { CurrencyView, CurrencyWidget } from './widgets/CurrencyWidget.tsx';
import { DateRangeView, DateRangeWidget } from './widgets/DateRangeWidget.tsx';
import { DateTimeView, DateTimeWidget } from './widgets/DateTimeWidget.tsx';
import { DateView, DateWidget } from './widgets/DateWidget.tsx';
import { FileView, FileWidget } from './widgets/FileWidget.tsx';
import { MarkdownView, MarkdownWidget } from './widgets/MarkdownWidget.tsx';
import { MultiSelectWidget } from './widgets/MultiSelectWidget.tsx';
import { NumberWidget, PercentView, PercentWidget } from './widgets/NumberWidget.tsx';
import { OrgUnitPickerWidget, OrgUnitView } from './widgets/OrgUnitPickerWidget.tsx';
import { ProgressView, ProgressWidget } from './widgets/ProgressWidget.tsx';
import { RadioWidget } from './widgets/RadioWidget.tsx';
import { RatingView, RatingWidget } from './widgets/RatingWidget.tsx';
import { RecordRefView, RecordRefWidget } from './widgets/RecordRefWidget.tsx';
import { SelectWidget } from './widgets/SelectWidget.tsx';
import { SliderWidget } from './widgets/SliderWidget.tsx';
import { CheckboxWidget, SwitchWidget } from './widgets/SwitchWidget.tsx';
import { TextareaView, TextareaWidget } from './widgets/TextareaWidget.tsx';
import { EmailWidget, TextWidget, UrlWidget } from './widgets/TextWidget.tsx';
import { UserPickerWidget, UserView } from './widgets/UserPickerWidget.tsx';

const kind = (k: FieldInfo['kind']) => (field: FieldInfo) => field.kind === k;
const format = (f: string) => (field: FieldInfo) => field.kind === 'string' && field.format === f;
const hasOptions = (field: FieldInfo) => (field.options?.length ?? 0) > 0;
/** Widgets that a definition names explicitly (`widget: "progress"`) and never picks by itself. */
const byNameOnly = () => 0;

// Default scores: 1 for the kind's plain widget, 3 for a better fit (options, formats), 10 for computed
// fields. An explicit `widget` on the node always wins.

/** Every built-in widget with its tester. */
export const BUILT_IN_WIDGET_DEFINITIONS: readonly WidgetDefinition[] = [
  { name: 'text', component: TextWidget, keepsInput: true, test: rankWith(1, kind('string')) },
  {
    name: 'textarea',
    component: TextareaWidget,
    view: TextareaView,
    keepsInput: true,
    test: rankWith(2, (f) => f.kind === 'string' && Number(f.schema.maxLength ?? 0) > 200),
  },
  { name: 'email', component: EmailWidget, keepsInput: true, test: rankWith(3, format('email')) },
  { name: 'url', component: UrlWidget, keepsInput: true, test: rankWith(3, format('uri')) },
  { name: 'markdown', component: MarkdownWidget, view: MarkdownView, keepsInput: true },
  { name: 'number', component: NumberWidget, test: rankWith(1, kind('number')) },
  { name: 'percent', component: PercentWidget, view: PercentView },
  { name: 'currency', component: CurrencyWidget, view: CurrencyView },
  {
    name: 'select',
    component: SelectWidget,
    test: rankWith(3, (f) => (f.kind === 'string' || f.kind === 'number') && hasOptions(f)),
  },
  { name: 'radio', component: RadioWidget, group: true },
  {
    name: 'checkboxes',
    component: CheckboxesWidget,
    group: true,
    test: rankWith(2, (f) => f.kind === 'multiSelect' && hasOptions(f) && (f.options?.length ?? 0) <= 8),
  },
  { name: 'multiSelect', component: MultiSelectWidget, test: rankWith(1, kind('multiSelect')) },
  { name: 'tags', component: MultiSelectWidget },
  { name: 'switch', component: SwitchWidget, test: rankWith(1, kind('boolean')) },
  { name: 'checkbox', component: CheckboxWidget },
  { name: 'date', component: DateWidget, view: DateView, test: rankWith(3, format('date')) },
  { name: 'datetime', component: DateTimeWidget, view: DateTimeView, test: rankWith(3, format('date-time')) },
  {
    name: 'dateRange',
    component: DateRangeWidget,
    view: DateRangeView,
    group: true,
    test: byNameOnly,
  },
  { name: 'rating', component: RatingWidget, view: RatingView, group: true },
  { name: 'slider', component: SliderWidget },
  { name: 'progress', component: ProgressWidget, view: ProgressView, test: byNameOnly },
  { name: 'user', component: UserPickerWidget, view: UserView, test: rankWith(3, format('user')) },
  {
    name: 'orgUnit',
    component: OrgUnitPickerWidget,
    view: OrgUnitView,
    test: rankWith(3, format('org-unit')),
  },
  { name: 'recordRef', component: RecordRefWidget, view: RecordRefView, test: rankWith(3, format('record')) },
  { name: 'file', component: FileWidget, view: FileView, test: byNameOnly },
  {
    name: 'computed',
    component: ComputedWidget,
    test: (_f, node, context) => (context.computed && !node.widget ? 10 : -1),
  },
];

/** A new registry with the built-in widgets (for an app or a test that adds its own). */
export function createDefaultWidgetRegistry(): WidgetRegistry {
  return createWidgetRegistry(BUILT_IN_WIDGET_DEFINITIONS);
}

/** The registry FormRenderer uses unless given another: template packs add to it with registerWidget. */
export const defaultWidgetRegistry: WidgetRegistry = createDefaultWidgetRegistry();

/** Adds a widget to the default registry ("pack:name" for a pack's own); returns a function removing it. */
export function registerWidget(widget: WidgetDefinition): () => void {
  return defaultWidgetRegistry.register(widget);
}
