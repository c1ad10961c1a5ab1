import { type FormDefinition, indexFields, type LocalizedText, localize } from '@formboard/schema';

/** How a widget names the fields and choice values of its source form. */
export interface FieldNames {
  /** A field's title ("负责人"), else its path. */
  label(path: string): string;
  /** A choice value's title ("进展顺利" for `onTrack`), else undefined. */
  option(path: string, value: string): string | undefined;
}

type Choice = { readonly const?: unknown; readonly title?: LocalizedText };

const choicesOf = (schema: Readonly<Record<string, unknown>>): readonly Choice[] => {
  const items = schema.items as Readonly<Record<string, unknown>> | undefined;
  const oneOf = schema.oneOf ?? items?.oneOf;
  return Array.isArray(oneOf) ? (oneOf as Choice[]) : [];
};

const BY_PATH: FieldNames = { label: (path) => path, option: () => undefined };

/**
 * The names of a form's fields and choices in a locale (paths and raw values when the form is not
 * known). Group columns, axes, legends and CSV headers read their names here, so a board says
 * "状态: 进展顺利", never "status: onTrack".
 */
export function fieldNames(form: FormDefinition | undefined, locale: string): FieldNames {
  if (!form) return BY_PATH;
  const { fields } = indexFields(form.data);
  return {
    label(path) {
      const title = fields.get(path)?.title;
      return title === undefined ? path : localize(title, locale);
    },
    option(path, value) {
      const field = fields.get(path);
      const choice = field && choicesOf(field.schema).find((c) => String(c.const) === value);
      return choice?.title === undefined ? undefined : localize(choice.title, locale);
    },
  };
}
