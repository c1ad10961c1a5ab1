import type { FieldInfo, FieldNode } from '@formboard/schema';
import { memo, type ReactNode, useSyncExternalStore } from 'react';
import { useRenderer } from './RendererContext.ts';
import type { ChoiceOption, WidgetDefinition, WidgetProps } from './registry.ts';
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
 * What a field shows that does not depend on its value: worked out once per layout node and form
 * (FormView caches it), not on every mount and key press.
 */
export interface FieldParts {
  readonly field: FieldInfo;
  readonly widget: WidgetDefinition;
  /** The label in the current locale (the field's title, else the last path segment). */
  readonly title: string;
  readonly help: string;
  readonly placeholder: string | undefined;
  readonly options: readonly ChoiceOption[];
  readonly unit: string | undefined;
  readonly props: Readonly<Record<string, unknown>>;
  /** "fb-field fb-field--text". */
  readonly className: string;
}

/**
 * One field: subscribes to its own slice of the engine, computes the widget's ready props (label in
 * the locale, issues, ids for aria) and wraps the widget in its label, help text and errors.
 */
export const FieldView = memo(function FieldView({ node, path, row }: FieldViewProps): ReactNode {
  const r = useRenderer();
  const binding = r.binding(path);
  const state = useSyncExternalStore(binding.subscribe, binding.view, binding.view);
  const parts = r.fieldParts(node, binding.column);
  if (!state.visible || !parts) return null;

  const { id } = binding;
  const { widget } = parts;
  const labelId = `${id}-label`;
  const label = row === undefined ? parts.title : r.messages.cellLabel(parts.title, row + 1);
  const help = row === undefined && !r.readOnly ? parts.help : '';
  const errors = r.readOnly ? [] : state.issues.map((issue) => issue.message[r.locale]);
  if (state.computedError && !r.readOnly)
    errors.push(`${r.messages.computedFailed}: ${state.computedError[r.locale]}`);
  const describedBy =
    help && errors.length > 0
      ? `${id}-help ${id}-error`
      : help
        ? `${id}-help`
        : errors.length > 0
          ? `${id}-error`
          : undefined;
  const invalid = state.issues.length > 0 && !r.readOnly;
  const props: WidgetProps = {
    id,
    labelId,
    path,
    value: state.value,
    label,
    placeholder: parts.placeholder,
    required: state.required,
    readOnly: r.readOnly || state.readOnly,
    invalid,
    describedBy,
    field: parts.field,
    options: parts.options,
    unit: parts.unit,
    props: parts.props,
    locale: r.locale,
    messages: r.messages,
    format: r.format,
    host: r.host,
    onChange: widget.keepsInput ? binding.onInput : binding.onChange,
    onBlur: binding.onBlur,
  };

  let className = parts.className;
  if (invalid) className += ' fb-field--invalid';
  if (row !== undefined) className += ' fb-field--cell';
  const labelClass =
    row !== undefined
      ? 'fb-visually-hidden'
      : state.required && !widget.group && !r.readOnly
        ? 'fb-label fb-label--required'
        : 'fb-label';

  if (r.readOnly) {
    const View = widget.view ?? ValueView;
    // A read-only cell needs no label of its own: the column header says what it is.
    if (row !== undefined)
      return (
        <div className={`${className} fb-value`} id={id}>
          <View {...props} />
        </div>
      );
    return (
      <div className={`${className} fb-field--view`}>
        <div className={labelClass} id={labelId}>
          {label}
        </div>
        <div className="fb-value" id={id}>
          <View {...props} />
        </div>
      </div>
    );
  }

  const Widget = widget.component;
  // Required: a control says so itself (aria-required) and its label shows a "*" from the stylesheet
  // (`.fb-label--required`, no element per field); a group's legend says it in words.
  const marker =
    state.required && widget.group ? (
      <span className="fb-required">
        <span aria-hidden="true">*</span>
        <span className="fb-visually-hidden">{r.messages.requiredMarker}</span>
      </span>
    ) : null;
  const after =
    help || errors.length > 0 ? (
      <>
        {help ? (
          <p className="fb-help" id={`${id}-help`}>
            {help}
          </p>
        ) : null}
        {errors.length > 0 ? (
          <div className="fb-error" id={`${id}-error`}>
            {[...new Set(errors)].map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        ) : null}
      </>
    ) : null;
  if (widget.group) {
    return (
      <fieldset className={className} aria-describedby={describedBy}>
        <legend className={labelClass} id={labelId}>
          {label}
          {marker}
        </legend>
        <Widget {...props} />
        {after}
      </fieldset>
    );
  }
  const control = (
    <>
      <label className={labelClass} id={labelId} htmlFor={id}>
        {label}
        {marker}
      </label>
      <Widget {...props} />
      {after}
    </>
  );
  // A table cell's own <td> holds it: no wrapper for each of a table's many cells.
  return row === undefined ? <div className={className}>{control}</div> : control;
});
