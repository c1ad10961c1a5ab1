import type { FormHost, OptionSource, PickOption } from '@formboard/form-runtime';
import { api, queryString } from '../api/client.ts';
import type { OrgUnit, RecordPage, StoredRecord, User } from '../api/types.ts';

const PAGE = 20;

/** A picker's source over a list already loaded (the directory is small: hundreds of people). */
function listSource<T>(items: readonly T[], toOption: (item: T) => PickOption): OptionSource {
  const options = items.map(toOption);
  return {
    async search(query) {
      const q = query.trim().toLowerCase();
      const hits = options.filter(
        (o) => !q || o.label.toLowerCase().includes(q) || o.id.toLowerCase().includes(q),
      );
      return hits.slice(0, 50);
    },
    async lookup(id) {
      return options.find((o) => o.id === id);
    },
  };
}

/** What a record is called in a picker: its first text field, else its id. */
function recordOption(record: StoredRecord): PickOption {
  const text = Object.values(record.data).find(
    (value): value is string => typeof value === 'string' && value !== '',
  );
  return { id: record.id, label: text ?? record.id, detail: record.updatedAt.slice(0, 10) };
}

/** Record references search the referenced form's records the caller may see, newest first. */
function recordSource(formId: string): OptionSource {
  return {
    async search() {
      const page = await api<RecordPage>(
        `/api/forms/${encodeURIComponent(formId)}/records${queryString({ limit: PAGE })}`,
      );
      return page.records.map(recordOption);
    },
    async lookup(id) {
      const record = await api<StoredRecord>(`/api/records/${encodeURIComponent(id)}`).catch(() => undefined);
      return record ? recordOption(record) : undefined;
    },
  };
}

/** The form host of the studio: the directory from the server, record references over the API. */
export function studioFormHost(users: readonly User[], orgUnits: readonly OrgUnit[]): FormHost {
  const unitName = new Map(orgUnits.map((unit) => [unit.id, unit.name]));
  return {
    directory: {
      users: listSource(
        users.filter((user) => !user.disabled),
        (user) => ({
          id: user.id,
          label: user.name,
          ...(user.orgUnitId ? { detail: unitName.get(user.orgUnitId) ?? user.orgUnitId } : {}),
        }),
      ),
      orgUnits: listSource(orgUnits, (unit) => ({ id: unit.id, label: unit.name })),
    },
    records: recordSource,
  };
}
