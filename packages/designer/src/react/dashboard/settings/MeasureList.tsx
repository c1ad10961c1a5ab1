import { localize } from '@formboard/schema';
import type { ReactNode } from 'react';
import type { Measure } from '../../../dashboard/commands/measures.ts';
import type { QueryWidget } from '../../../dashboard/dashboardTypes.ts';
import { useDashboardDesigner } from '../DashboardDesignerContext.ts';
import { LocalizedInput, SelectInput, TextInput } from './controls.tsx';
import type { WidgetEditor } from './useWidgetEditor.ts';

const OPS = ['count', 'sum', 'avg', 'min', 'max', 'distinct'] as const;
const FORMATS = ['number', 'percent', 'currency', 'duration'] as const;
const NUMERIC = new Set(['sum', 'avg', 'min', 'max']);

/** The measure's name in the current locale: its label, else its id. */
export function measureName(measure: Measure, locale: 'zh-CN' | 'en'): string {
  return localize(measure.label, locale) || measure.id;
}

/** One measure: aggregate and field (or its formula), name and format, and a remove button. */
function MeasureRow({
  editor,
  measure,
  index,
}: {
  editor: WidgetEditor;
  measure: Measure;
  index: number;
}): ReactNode {
  const { designer, messages, locale, report } = useDashboardDesigner();
  const at = `query.measures.${index}`;
  const name = measureName(measure, locale);
  return (
    <li className="fbdd-measure">
      {'formula' in measure ? (
        <TextInput
          label={`${messages.computedFormula} (${name})`}
          value={measure.formula}
          onChange={(v) => editor.set(`${at}.formula`, v)}
        />
      ) : (
        <>
          <SelectInput
            label={`${messages.aggregate} (${name})`}
            value={measure.op}
            choices={editor.choices(OPS)}
            onChange={(op) => {
              // A number aggregate keeps its field only when the field is a number.
              const field = editor.fields.find((f) => f.path === measure.field);
              const { field: _, ...rest } = measure;
              editor.set(
                at,
                NUMERIC.has(op) && field?.kind !== 'number' ? { ...rest, op } : { ...measure, op },
              );
            }}
          />
          <SelectInput
            label={`${messages.field} (${name})`}
            value={measure.field}
            none={messages.none}
            choices={editor.fieldChoices((f) =>
              NUMERIC.has(measure.op) ? f.kind === 'number' : f.kind !== 'group' && f.kind !== 'table',
            )}
            onChange={(field) => editor.set(`${at}.field`, field === '' ? undefined : field)}
          />
        </>
      )}
      <LocalizedInput
        label={`${messages.label} (${measure.id})`}
        value={measure.label}
        onChange={(v) => editor.set(`${at}.label`, v)}
      />
      <SelectInput
        label={`${messages.format} (${name})`}
        value={measure.format}
        none={messages.none}
        choices={editor.choices(FORMATS)}
        onChange={(v) => editor.set(`${at}.format`, v === '' ? undefined : v)}
      />
      <button
        type="button"
        className="fb-button"
        onClick={() => report(designer.removeMeasure(editor.widget.id, measure.id))}
      >
        {messages.removeMeasure(name)}
      </button>
    </li>
  );
}

/** The query's measures, each editable, and a button that adds one. */
export function MeasureList({ editor }: { readonly editor: WidgetEditor }): ReactNode {
  const { designer, messages, report } = useDashboardDesigner();
  const { measures } = (editor.widget as QueryWidget).query;
  return (
    <fieldset className="fbdd-group">
      <legend>{messages.measures}</legend>
      <ul className="fbdd-list">
        {measures.map((measure, index) => (
          <MeasureRow key={measure.id} editor={editor} measure={measure} index={index} />
        ))}
      </ul>
      <button
        type="button"
        className="fb-button"
        onClick={() => report(designer.addMeasure(editor.widget.id))}
      >
        {messages.addMeasure}
      </button>
    </fieldset>
  );
}
