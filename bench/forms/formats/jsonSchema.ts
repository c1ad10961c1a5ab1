/**
 * The logical form as JSON Schema + uiSchema for @rjsf/core. rjsf draws a section as an object (a
 * fieldset with a legend), so here each section is an object property (`s001: { f0001, … }`) and the
 * data is nested to match (nestBySection); the table is an array of row objects.
 */
import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import type { FormData, TableRow } from '../data.ts';
import type { LogicalField, LogicalForm } from '../model.ts';
import { fieldSchema } from './fieldSchema.ts';

export interface RjsfFormat {
  readonly schema: RJSFSchema;
  readonly uiSchema: UiSchema;
}

export type RjsfData = Readonly<Record<string, Readonly<Record<string, unknown>> | readonly TableRow[]>>;

function objectOf(title: string, fields: readonly LogicalField[]): RJSFSchema {
  return {
    type: 'object',
    title,
    properties: Object.fromEntries(fields.map((f) => [f.key, fieldSchema(f) as RJSFSchema])),
    required: fields.filter((f) => f.required).map((f) => f.key),
  };
}

export function toJsonSchema(form: LogicalForm): RjsfFormat {
  const properties: Record<string, RJSFSchema> = {};
  for (const section of form.sections) properties[section.id] = objectOf(section.title, section.fields);
  const { table } = form;
  properties[table.key] = { type: 'array', title: table.title, items: objectOf('', table.columns) };
  return {
    schema: { type: 'object', title: `Benchmark form (${form.size} fields)`, properties },
    uiSchema: { [table.key]: { 'ui:options': { orderable: false } } },
  };
}

/** The flat data of data.ts, nested by section as this schema wants it. */
export function nestBySection(form: LogicalForm, data: FormData): RjsfData {
  const nested: Record<string, Readonly<Record<string, unknown>> | readonly TableRow[]> = {};
  for (const section of form.sections) {
    const values: Record<string, unknown> = {};
    for (const field of section.fields) if (field.key in data) values[field.key] = data[field.key];
    nested[section.id] = values;
  }
  const rows = data[form.table.key];
  if (typeof rows === 'object') nested[form.table.key] = rows;
  return nested;
}
