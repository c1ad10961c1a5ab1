import type { FormDefinition } from '@formboard/schema';
import { type FieldInfo, indexFields } from '@formboard/schema';
import { type Locale, pick } from '../i18n/locale.tsx';

/** A column of the records table: a top-level field that holds one value. */
export interface RecordColumn {
  readonly path: string;
  readonly title: string;
  readonly field: FieldInfo;
}

const MAX_COLUMNS = 8;

/** Every field of a form that holds one value outside repeating tables (group members included). */
export function valueFields(form: FormDefinition, locale: Locale): RecordColumn[] {
  const { fields } = indexFields(form.data as Parameters<typeof indexFields>[0]);
  return [...fields.values()]
    .filter((field) => !field.inTable && field.kind !== 'table' && field.kind !== 'group')
    .map((field) => ({ path: field.path, title: pick(field.title, locale, field.path), field }));
}

/** The first top-level scalar fields of a form (tables and groups are shown on the record's own page). */
export function recordColumns(form: FormDefinition, locale: Locale): RecordColumn[] {
  return valueFields(form, locale)
    .filter((column) => !column.path.includes('.'))
    .slice(0, MAX_COLUMNS);
}

/** Names of people and org units, for cells that hold their ids. */
export interface DirectoryNames {
  readonly users: ReadonlyMap<string, string>;
  readonly orgUnits: ReadonlyMap<string, string>;
}

function optionTitle(field: FieldInfo, value: unknown, locale: Locale): string | undefined {
  const oneOf = field.schema.oneOf as
    | readonly { const?: unknown; title?: Parameters<typeof pick>[0] }[]
    | undefined;
  const option = oneOf?.find((o) => o.const === value);
  return option?.title === undefined ? undefined : pick(option.title, locale);
}

/** How a cell reads: option titles, names for user and org-unit ids, numbers by locale, yes/no. */
export function cellText(field: FieldInfo, value: unknown, locale: Locale, names: DirectoryNames): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => cellText(field, item, locale, names)).join(', ');
  if (typeof value === 'boolean')
    return value ? (locale === 'en' ? 'Yes' : '是') : locale === 'en' ? 'No' : '否';
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (typeof value !== 'string') return JSON.stringify(value);
  if (field.format === 'user') return names.users.get(value) ?? value;
  if (field.format === 'org-unit') return names.orgUnits.get(value) ?? value;
  return optionTitle(field, value, locale) ?? value;
}
