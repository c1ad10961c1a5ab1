import { columnPath } from '@formboard/formula';
import { type FieldNode, localize } from '@formboard/schema';
import { memo, type ReactNode, useCallback, useMemo } from 'react';
import { choiceOptions, lastSegment, unitOf } from './fieldOptions.ts';
import { useRenderer } from './RendererContext.ts';
import type { WidgetProps } from './registry.ts';
import { useFieldState } from './useFieldState.ts';
import { ValueView } from './widgets/ValueView.tsx';

/** Props of one field on the page. */
export interface FieldViewProps {
  readonly node: FieldNode;
  /** Concrete path: "comment", "kpis[2].weight". */
  readonly path: string;
  /** Set for a repeating table's cell: its row index (the column header is the visible label). */
  readonly row?: number;
}

/**
 * One field: subscribes to its own slice of the engine, computes the widget's ready props (label in
 * the locale, issues, ids for aria) and wraps the widget in its label, help text and errors.
 */
export const FieldView = memo(function FieldView({ node, path, row }: FieldViewProps): ReactNode {
  const r = useRenderer();
  const state = useFieldState(r.engine, path);
  const column = columnPath(path);
  const field = r.index.fields.get(column);
  const widget = field ? r.widgetFor(node, column) : undefined;
  const onChange = useCallback((value: unknown) => r.engine.setValue(path, value), [r.engine, path]);
  const onBlur = useCallback(() => r.engine.blur(path), [r.engine, path]);
  const options = useMemo(() => (field ? choiceOptions(field, r.locale) : []), [field, r.locale]);
  if (!state.visible || !field || !widget) return null;

  const id = r.domId(path);
  const ids = { label: `${id}-label`, help: `${id}-help`, error: `${id}-error` };
  const title = localize(node.label ?? field.title, r.locale) || lastSegment(path);
  const label = row === undefined ? title : r.messages.cellLabel(title, row + 1);
  const help = row === undefined && !r.readOnly ? localize(node.help, r.locale) : '';
  const errors = r.readOnly ? [] : state.issues.map((issue) => issue.message[r.locale]);
  if (state.computedError && !r.readOnly)
    errors.push(`${r.messages.computedFailed}: ${state.computedError[r.locale]}`);
  const describedBy = [help ? ids.help : '', errors.length > 0 ? ids.error : ''].filter(Boolean).join(' ');
  const props: WidgetProps = {
    id,
    labelId: ids.label,
    path,
    value: state.value,
    label,
    placeholder: localize(node.placeholder, r.locale) || undefined,
    required: state.required,
    readOnly: r.readOnly || state.readOnly,
    invalid: state.issues.length > 0 && !r.readOnly,
    describedBy: describedBy || undefined,
    field,
    options,
    unit: unitOf(field, r.locale),
    props: (node.props ?? {}) as Readonly<Record<string, unknown>>,
    locale: r.locale,
    messages: r.messages,
    format: r.format,
    host: r.host,
    onChange,
    onBlur,
  };

  const classes = ['fb-field', `fb-field--${widget.name.replace(':', '-')}`];
  if (props.invalid) classes.push('fb-field--invalid');
  if (row !== undefined) classes.push('fb-field--cell');
  const labelClass = row === undefined ? 'fb-label' : 'fb-visually-hidden';

  if (r.readOnly) {
    const View = widget.view ?? ValueView;
    // A read-only cell needs no label of its own: the column header says what it is.
    if (row !== undefined)
      return (
        <div className={`${classes.join(' ')} fb-value`} id={id}>
          <View {...props} />
        </div>
      );
    return (
      <div className={`${classes.join(' ')} fb-field--view`}>
        <div className={labelClass} id={ids.label}>
          {label}
        </div>
        <div className="fb-value" id={id}>
          <View {...props} />
        </div>
      </div>
    );
  }

  const Widget = widget.component;
  const marker = state.required ? (
    <span className="fb-required">
      <span aria-hidden="true">*</span>
      {widget.group ? <span className="fb-visually-hidden">{r.messages.requiredMarker}</span> : null}
    </span>
  ) : null;
  const after = (
    <>
      {help ? (
        <p className="fb-help" id={ids.help}>
          {help}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div className="fb-error" id={ids.error}>
          {[...new Set(errors)].map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
    </>
  );
  if (widget.group) {
    return (
      <fieldset className={classes.join(' ')} aria-describedby={props.describedBy}>
        <legend className={labelClass} id={ids.label}>
          {label}
          {marker}
        </legend>
        <Widget {...props} />
        {after}
      </fieldset>
    );
  }
  return (
    <div className={classes.join(' ')}>
      <label className={labelClass} id={ids.label} htmlFor={id}>
        {label}
        {marker}
      </label>
      <Widget {...props} />
      {after}
    </div>
  );
});
