/** The logical form as a Formboard FormDefinition (passes validateDefinition from @formboard/schema). */
import type { FieldNode, FormDefinition, LayoutNode, ScalarFieldSchema } from '@formboard/schema';
import { type LogicalField, type LogicalForm, OPTIONS } from '../model.ts';

function fieldSchema(field: LogicalField): ScalarFieldSchema {
  const title = field.label;
  switch (field.type) {
    case 'text':
      return field.maxLength === undefined
        ? { type: 'string', title }
        : { type: 'string', title, maxLength: field.maxLength };
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

function fieldNode(field: LogicalField): FieldNode {
  return field.type === 'checkbox'
    ? { type: 'field', path: field.key, widget: 'checkbox' }
    : { type: 'field', path: field.key };
}

const required = (fields: readonly LogicalField[]): string[] =>
  fields.filter((f) => f.required).map((f) => f.key);

export function toFormboard(form: LogicalForm): FormDefinition {
  const properties: Record<
    string,
    ScalarFieldSchema | NonNullable<FormDefinition['data']['properties']>[string]
  > = {};
  const nodes: Record<string, LayoutNode> = {};
  for (const section of form.sections) {
    for (const field of section.fields) {
      properties[field.key] = fieldSchema(field);
      nodes[`n_${field.key}`] = fieldNode(field);
    }
    nodes[section.id] = {
      type: 'section',
      title: section.title,
      children: section.fields.map((f) => `n_${f.key}`),
    };
  }
  const { table } = form;
  const columns: Record<string, ScalarFieldSchema> = {};
  for (const column of table.columns) {
    columns[column.key] = fieldSchema(column);
    nodes[`c_${column.key}`] = fieldNode(column);
  }
  properties[table.key] = {
    type: 'array',
    title: table.title,
    items: { type: 'object', properties: columns, required: required(table.columns) },
  };
  nodes.tableSection = { type: 'section', title: table.title, children: ['table'] };
  nodes.table = { type: 'repeatingTable', path: table.key, children: table.columns.map((c) => `c_${c.key}`) };
  return {
    kind: 'form',
    id: `bench-${form.size}`,
    schemaVersion: 1,
    title: `Benchmark form (${form.size} fields)`,
    data: {
      type: 'object',
      properties,
      required: required(form.sections.flatMap((s) => s.fields)),
    },
    layout: { root: [...form.sections.map((s) => s.id), 'tableSection'], nodes },
  };
}
