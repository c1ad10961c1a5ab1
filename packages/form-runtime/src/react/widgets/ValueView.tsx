import type { ReactNode } from 'react';
import { isEmpty } from '../../engine/defaults.ts';
import { choiceLabel } from '../fieldOptions.ts';
import type { WidgetProps } from '../registry.ts';

/** What an empty field shows in read-only mode: a dash, announced as "not filled in". */
export function EmptyValue({ props }: { readonly props: WidgetProps }) {
  return (
    <span className="fb-empty">
      <span aria-hidden="true">—</span>
      <span className="fb-visually-hidden">{props.messages.empty}</span>
    </span>
  );
}

/** A number with the field's unit, formatted for the locale: "1,234.5 万元". */
export function formatNumber(props: WidgetProps, value: number): string {
  const text = props.format.number(value);
  if (!props.unit) return text;
  return props.unit === '%' ? `${text}%` : `${text} ${props.unit}`;
}

/** The value of a field as text in the current locale (options by label, dates and numbers by Intl). */
export function displayText(props: WidgetProps, value: unknown): string {
  const { field, format, options } = props;
  if (Array.isArray(value))
    return format.list(value.map((v) => (options.length > 0 ? choiceLabel(options, v) : String(v))));
  if (options.length > 0) return choiceLabel(options, value);
  if (typeof value === 'boolean') return value ? props.messages.yes : props.messages.no;
  if (typeof value === 'number') return formatNumber(props, value);
  if (typeof value === 'string' && field.format === 'date') return format.date(value);
  if (typeof value === 'string' && field.format === 'date-time') return format.dateTime(value);
  return String(value);
}

/** The default read-only display of a field: its formatted value, or a dash. */
export function ValueView(props: WidgetProps): ReactNode {
  if (isEmpty(props.value)) return <EmptyValue props={props} />;
  return <span className="fb-value-text">{displayText(props, props.value)}</span>;
}
