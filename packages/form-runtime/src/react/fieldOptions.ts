import { type FieldInfo, type LocalizedText, localize } from '@formboard/schema';
import type { ChoiceOption } from './registry.ts';

type Schema = Readonly<Record<string, unknown>>;

/** The choices of a field (its own, or its items' for a multi-select), labelled in a locale. */
export function choiceOptions(field: FieldInfo, locale: string): ChoiceOption[] {
  const schema: Schema =
    field.kind === 'multiSelect' ? ((field.schema.items as Schema | undefined) ?? {}) : field.schema;
  if (Array.isArray(schema.oneOf)) {
    return (schema.oneOf as { const: string | number; title?: LocalizedText }[]).map((choice) => ({
      value: choice.const,
      label: choice.title === undefined ? String(choice.const) : localize(choice.title, locale),
    }));
  }
  if (Array.isArray(schema.enum))
    return (schema.enum as (string | number)[]).map((value) => ({ value, label: String(value) }));
  return [];
}

/** The label of a stored choice, or the value itself when it is not (or no longer) an option. */
export function choiceLabel(options: readonly ChoiceOption[], value: unknown): string {
  return options.find((o) => o.value === value)?.label ?? String(value);
}

/** The field's unit (`x-unit`: "%", "万元") in a locale. */
export function unitOf(field: FieldInfo, locale: string): string | undefined {
  const unit = field.schema['x-unit'] as LocalizedText | undefined;
  return unit === undefined ? undefined : localize(unit, locale);
}

/** The last name of a path, as a label of last resort: "kpis[2].weight" → "weight". */
export function lastSegment(path: string): string {
  return (
    path
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? path
  );
}
