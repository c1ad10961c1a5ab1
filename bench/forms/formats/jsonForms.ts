/**
 * The logical form as a JSON Forms data schema + UI schema: a flat object schema, one Group per
 * section, and the table as an array-of-objects Control (vanilla's TableArrayControl).
 */
import type { ControlElement, GroupLayout, JsonSchema7 as JsonSchema, VerticalLayout } from '@jsonforms/core';
import type { LogicalForm } from '../model.ts';
import { fieldSchema } from './fieldSchema.ts';

export interface JsonFormsFormat {
  readonly schema: JsonSchema;
  readonly uischema: VerticalLayout;
}

const control = (key: string): ControlElement => ({ type: 'Control', scope: `#/properties/${key}` });

export function toJsonForms(form: LogicalForm): JsonFormsFormat {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  const groups: GroupLayout[] = form.sections.map((section) => {
    for (const field of section.fields) {
      properties[field.key] = fieldSchema(field) as JsonSchema;
      if (field.required) required.push(field.key);
    }
    return { type: 'Group', label: section.title, elements: section.fields.map((f) => control(f.key)) };
  });
  const { table } = form;
  properties[table.key] = {
    type: 'array',
    title: table.title,
    items: {
      type: 'object',
      properties: Object.fromEntries(table.columns.map((c) => [c.key, fieldSchema(c) as JsonSchema])),
      required: table.columns.filter((c) => c.required).map((c) => c.key),
    },
  };
  const tableGroup: GroupLayout = { type: 'Group', label: table.title, elements: [control(table.key)] };
  return {
    schema: { type: 'object', properties, required },
    uischema: { type: 'VerticalLayout', elements: [...groups, tableGroup] },
  };
}
