import { createFormatters, rendererMessages, useFormHost, type WidgetProps } from '@formboard/form-runtime';
import { type FieldNode, localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { fieldIndexOf } from '../../form/formSites.ts';
import { boundPath } from '../../form/formTree.ts';
import { optionsOf } from '../../form/properties.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';
import { useSampleValue } from '../sample/useSample.ts';

const NOTHING = () => {};

/**
 * A field on the canvas, shown with the widget the form will use (from form-runtime's registry),
 * filled with the sample record's value, and inert: clicks select the node instead of editing.
 */
export function FieldPreview({
  id,
  node,
  label,
}: {
  readonly id: string;
  readonly node: FieldNode;
  readonly label: string;
}): ReactNode {
  const { designer, widgets, locale } = useDesignerContext();
  const host = useFormHost();
  const path = useDesignerState((s) => boundPath(s.document, id));
  // Looked up in the field index (made once per data schema): every field asks on every change.
  const schema = useDesignerState((s) =>
    path === undefined ? undefined : fieldIndexOf(s.document).fields.get(path)?.schema,
  );
  const required = useDesignerState(
    (s) => path !== undefined && fieldIndexOf(s.document).fields.get(path)?.required === true,
  );
  const computed = useDesignerState((s) => (s.document.computed ?? []).some((c) => c.target === path));
  const value = useSampleValue(path);
  // The field's index entry is made again with every data schema; its own schema object only when it changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: schema stands for the field's part of the data
  const field = useMemo(
    () => (path === undefined ? undefined : fieldIndexOf(designer.getState().document).fields.get(path)),
    [designer, path, schema],
  );
  const messages = useMemo(() => rendererMessages(locale), [locale]);
  const format = useMemo(() => createFormatters(locale, 'Asia/Shanghai'), [locale]);
  if (!field || path === undefined) return <p className="fbd-missing">{path ?? node.path}</p>;
  const widget = widgets.resolve(field, node, { computed });
  const options = (schema ? (optionsOf(schema) ?? []) : []).map((o) => ({
    value: o.value,
    label: localize(o.label as Parameters<typeof localize>[0], locale) || String(o.value),
  }));
  const unit = field.schema['x-unit'];
  const props: WidgetProps = {
    id: `fbd-${id}`,
    labelId: `fbd-${id}-label`,
    path,
    value,
    label,
    placeholder: localize(node.placeholder, locale) || undefined,
    required,
    readOnly: false,
    invalid: false,
    describedBy: undefined,
    field,
    options,
    unit: unit === undefined ? undefined : localize(unit as Parameters<typeof localize>[0], locale),
    props: (node.props ?? {}) as Readonly<Record<string, unknown>>,
    locale,
    messages,
    format,
    host,
    onChange: NOTHING,
    onBlur: NOTHING,
  };
  const Widget = widget?.component;
  const help = localize(node.help, locale);
  return (
    <div className="fbd-field">
      <div className={required ? 'fb-label fb-label--required' : 'fb-label'} id={props.labelId}>
        {label}
      </div>
      <div className="fbd-widget" inert>
        {Widget ? <Widget {...props} /> : <span className="fbd-missing">{node.widget}</span>}
      </div>
      {help ? <p className="fb-help">{help}</p> : null}
    </div>
  );
}
