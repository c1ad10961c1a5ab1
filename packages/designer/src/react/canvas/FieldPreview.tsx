import {
  createFormatters,
  getIn,
  parsePath,
  rendererMessages,
  useFormHost,
  type WidgetProps,
} from '@formboard/form-runtime';
import { type FieldNode, localize } from '@formboard/schema';
import { type ReactNode, useMemo } from 'react';
import { fieldSchemaAt, isRequiredAt } from '../../form/dataSchemaEdit.ts';
import { fieldIndexOf } from '../../form/formSites.ts';
import { boundPath } from '../../form/formTree.ts';
import { optionsOf } from '../../form/properties.ts';
import { useDesignerContext, useDesignerState } from '../DesignerContext.ts';

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
  const { designer, widgets, locale, sample } = useDesignerContext();
  const host = useFormHost();
  const path = useDesignerState((s) => boundPath(s.document, id));
  const schema = useDesignerState((s) =>
    path === undefined ? undefined : fieldSchemaAt(s.document.data, path),
  );
  const required = useDesignerState((s) => path !== undefined && isRequiredAt(s.document.data, path));
  const computed = useDesignerState((s) => (s.document.computed ?? []).some((c) => c.target === path));
  // The field's index entry changes only with its own schema (the index is made once per data object).
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
  const value = path.includes('[]') ? undefined : getIn(sample, parsePath(path));
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
