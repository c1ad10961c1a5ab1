import type { OptionSource, PickOption } from '@formboard/form-runtime';
import { type FormDefinition, indexFields } from '@formboard/schema';
import { api, queryString } from '../api/client.ts';
import type { DefinitionWithInfo, RecordPage, StoredRecord } from '../api/types.ts';

const PAGE = 20;
const NAME_KEYS = ['title', 'name'];

/**
 * The field that names a record of a form in pickers: `title` or `name` when the form has one as
 * text, else its first plain text field (no format: not a date, person or reference).
 */
export function labelFieldOf(form: FormDefinition): string | undefined {
  const text = [...indexFields(form.data).fields.values()].filter(
    (field) =>
      field.kind === 'string' &&
      !field.inTable &&
      !field.path.includes('.') &&
      !field.format &&
      !field.options,
  );
  return (text.find((field) => NAME_KEYS.includes(field.path)) ?? text[0])?.path;
}

/** A formula that keeps records whose label contains what was typed (the text as a formula string literal). */
export function containsFilter(field: string, typed: string): string {
  const text = typed.replace(/\p{Cc}/gu, ' ').trim();
  return `CONTAINS(${field}, ${JSON.stringify(text)})`;
}

/**
 * Record references: the referenced form's records the caller may see, newest first, searched on the
 * server by the form's label field and named by it (never by whichever text a record's JSON holds first).
 */
export function recordSource(formId: string): OptionSource {
  let labelField: Promise<string | undefined> | undefined;
  const label = () => {
    labelField ??= api<DefinitionWithInfo>(`/api/definitions/${encodeURIComponent(formId)}`).then(
      (loaded) => labelFieldOf(loaded.version.content as unknown as FormDefinition),
      () => undefined,
    );
    return labelField;
  };
  const option = (record: StoredRecord, field: string | undefined): PickOption => {
    const value = field === undefined ? undefined : record.data[field];
    return {
      id: record.id,
      label: typeof value === 'string' && value !== '' ? value : record.id,
      detail: record.updatedAt.slice(0, 10),
    };
  };
  return {
    async search(query) {
      const field = await label();
      const filter = field && query.trim() ? containsFilter(field, query) : undefined;
      const page = await api<RecordPage>(
        `/api/forms/${encodeURIComponent(formId)}/records${queryString({ filter, limit: PAGE })}`,
      );
      return page.records.map((record) => option(record, field));
    },
    async lookup(id) {
      const [field, record] = await Promise.all([
        label(),
        api<StoredRecord>(`/api/records/${encodeURIComponent(id)}`).catch(() => undefined),
      ]);
      return record ? option(record, field) : undefined;
    },
  };
}
