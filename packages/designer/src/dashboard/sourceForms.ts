import type { Locale } from '@formboard/formula';
import {
  type FieldInfo,
  type FormDefinition,
  indexFields,
  type LocalizedText,
  localize,
} from '@formboard/schema';

/**
 * What the dashboard designer needs to know about one field of a source form. A @formboard/schema
 * `FieldInfo` is one (`indexFields(form.data).fields.values()`), so hosts can pass either.
 */
export type SourceField = Pick<FieldInfo, 'path' | 'kind' | 'formulaType' | 'inTable'> &
  Partial<Pick<FieldInfo, 'format' | 'title' | 'options' | 'schema'>>;

/** A source form described by its fields only (what a host has without the whole definition). */
export interface SourceFormSummary {
  readonly id: string;
  readonly title: LocalizedText;
  readonly fields: readonly SourceField[];
}

/** A form widgets may query: its definition, or a summary of its fields. */
export type SourceForm = FormDefinition | SourceFormSummary;

/** A source form with its fields indexed. */
export interface IndexedSource {
  readonly id: string;
  readonly title: LocalizedText;
  readonly fields: readonly SourceField[];
  /** The definition, when the host gave one (validation checks queries against it). */
  readonly definition?: FormDefinition;
}

/** The source forms of a designer, by id. */
export interface SourceCatalog {
  readonly forms: readonly IndexedSource[];
  get(id: string): IndexedSource | undefined;
  /** The field at `path` of form `id`. */
  field(id: string, path: string): SourceField | undefined;
}

function isDefinition(form: SourceForm): form is FormDefinition {
  return 'kind' in form && form.kind === 'form';
}

/** Indexes the source forms (each form's fields once). */
export function sourceCatalog(forms: readonly SourceForm[] = []): SourceCatalog {
  const list: IndexedSource[] = forms.map((form) =>
    isDefinition(form)
      ? {
          id: form.id,
          title: form.title,
          fields: [...indexFields(form.data).fields.values()],
          definition: form,
        }
      : { id: form.id, title: form.title, fields: form.fields },
  );
  const byId = new Map(list.map((form) => [form.id, form]));
  const fieldMaps = new Map(list.map((form) => [form.id, new Map(form.fields.map((f) => [f.path, f]))]));
  return {
    forms: list,
    get: (id) => byId.get(id),
    field: (id, path) => fieldMaps.get(id)?.get(path),
  };
}

/** A field's label in a locale: its title, else its path. */
export function fieldLabel(field: SourceField, locale: Locale): string {
  return localize(field.title, locale) || field.path;
}

/** Whether a field holds one plain value a query can group by. */
export function isGroupable(field: SourceField): boolean {
  return field.kind === 'string' || field.kind === 'number' || field.kind === 'boolean';
}

/** Whether a field is a date or date-time (a time bucket's field). */
export function isDate(field: SourceField): boolean {
  return field.formulaType === 'date';
}

/** The kind of field a dashboard filter narrows: dates, org units or people (outside tables). */
export function fitsFilter(field: SourceField, type: 'dateRange' | 'orgUnit' | 'person'): boolean {
  if (field.inTable) return false;
  if (type === 'dateRange') return isDate(field);
  return field.format === (type === 'person' ? 'user' : 'org-unit');
}
