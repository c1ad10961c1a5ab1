import type { FormDefinition } from '../schemas/formDefinition.ts';

type Schema = Record<string, unknown>;

// Keywords of our data-schema subset that are annotations or editor hints, not constraints.
const ANNOTATIONS = new Set(['title', 'description', 'x-unit', 'x-form']);

function convert(schema: Readonly<Schema>): Schema {
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key)) continue;
    if (key === 'oneOf' && Array.isArray(value)) {
      // Options written as oneOf-const validate as an enum: one clear error instead of one per option.
      out.enum = (value as { const: unknown }[]).map((option) => option.const);
    } else if (key === 'properties' || key === '$defs') {
      out[key] = Object.fromEntries(
        Object.entries(value as Readonly<Record<string, Schema>>).map(([name, child]) => [
          name,
          convert(child),
        ]),
      );
    } else if (key === 'items') {
      out.items = convert(value as Schema);
    } else {
      out[key] = value;
    }
  }
  // Records carry only the form's fields: an unknown key is an error, never silently kept or dropped.
  if (schema.type === 'object') out.additionalProperties = false;
  return out;
}

/** The plain JSON Schema (2020-12) a record of this form must satisfy, for ajv. */
export function toRecordSchema(form: Pick<FormDefinition, 'data'>): Schema {
  return convert(form.data as Readonly<Schema>);
}
