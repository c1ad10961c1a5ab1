import type { WidgetProps } from '../registry.ts';

/**
 * The id and aria attributes of a field's single control (input, select, textarea). Controls whose
 * role has no aria-required (switch, slider) pass `withRequired: false`.
 */
export function controlAria(props: WidgetProps, withRequired = true) {
  return {
    id: props.id,
    'aria-invalid': props.invalid || undefined,
    'aria-required': (withRequired && props.required) || undefined,
    'aria-describedby': props.describedBy,
  } as const;
}

/** Text of a value for an input: "" for nothing. */
export function inputText(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

/** A string prop of the layout node, or the fallback. */
export function stringProp(props: WidgetProps, key: string, fallback: string): string {
  const value = props.props[key];
  return typeof value === 'string' ? value : fallback;
}

/** A number prop of the layout node (else the field schema's keyword of that name, else the fallback). */
export function numberProp(props: WidgetProps, key: string, fallback: number, schemaKey?: string): number {
  const own = props.props[key];
  if (typeof own === 'number') return own;
  const fromSchema = schemaKey === undefined ? undefined : props.field.schema[schemaKey];
  return typeof fromSchema === 'number' ? fromSchema : fallback;
}
