/**
 * The logical form as a Formily JSON schema: each section a `void` node (layout only, the data stays
 * flat), validation as schema keywords (required, maxLength, minimum, maximum, format), the table an
 * array of objects drawn by the page's ArrayTable. Component names refer to the page's own plain-input
 * components registered with createSchemaField (see pages/formily.tsx).
 */
import type { ISchema } from '@formily/react';
import { type LogicalField, type LogicalForm, OPTIONS } from '../model.ts';

export type FormilyComponent = 'Input' | 'NumberInput' | 'Select' | 'DateInput' | 'Checkbox';

const COMPONENT: Readonly<Record<LogicalField['type'], FormilyComponent>> = {
  text: 'Input',
  number: 'NumberInput',
  select: 'Select',
  date: 'DateInput',
  checkbox: 'Checkbox',
};

function fieldSchema(field: LogicalField): ISchema {
  const base: ISchema = {
    title: field.label,
    required: field.required,
    'x-decorator': 'FormItem',
    'x-component': COMPONENT[field.type],
  };
  switch (field.type) {
    case 'text':
      return {
        ...base,
        type: 'string',
        ...(field.maxLength === undefined ? {} : { maxLength: field.maxLength }),
      };
    case 'number':
      return { ...base, type: 'number', minimum: field.min ?? 0, maximum: field.max ?? 0 };
    case 'select':
      return { ...base, type: 'string', enum: OPTIONS.map((o) => ({ value: o.value, label: o.label })) };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'checkbox':
      return { ...base, type: 'boolean' };
  }
}

export function toFormily(form: LogicalForm): ISchema {
  const properties: Record<string, ISchema> = {};
  form.sections.forEach((section, index) => {
    properties[section.id] = {
      type: 'void',
      'x-index': index,
      'x-component': 'Section',
      'x-component-props': { title: section.title },
      properties: Object.fromEntries(
        section.fields.map((f, i) => [f.key, { ...fieldSchema(f), 'x-index': i }]),
      ),
    };
  });
  const { table } = form;
  properties[table.key] = {
    type: 'array',
    title: table.title,
    'x-index': form.sections.length,
    'x-component': 'ArrayTable',
    items: {
      type: 'object',
      properties: Object.fromEntries(
        table.columns.map((c, i) => [c.key, { ...fieldSchema(c), 'x-index': i }]),
      ),
    },
  };
  return { type: 'object', properties };
}
