import { type LogicalField, OPTIONS } from '../model.ts';

/** A logical field as plain JSON Schema, shared by the rjsf and JSON Forms formats. */
export interface FieldJsonSchema {
  readonly type: 'string' | 'number' | 'boolean';
  readonly title: string;
  readonly maxLength?: number;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly format?: 'date';
  readonly oneOf?: readonly { readonly const: string; readonly title: string }[];
}

/** The JSON Schema of one logical field. */
export function fieldSchema(field: LogicalField): FieldJsonSchema {
  const title = field.label;
  switch (field.type) {
    case 'text':
      return {
        type: 'string',
        title,
        ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }),
      };
    case 'number':
      return { type: 'number', title, minimum: field.min ?? 0, maximum: field.max ?? 0 };
    case 'select':
      return { type: 'string', title, oneOf: OPTIONS.map((o) => ({ const: o.value, title: o.label })) };
    case 'date':
      return { type: 'string', title, format: 'date' };
    case 'checkbox':
      return { type: 'boolean', title };
  }
}
