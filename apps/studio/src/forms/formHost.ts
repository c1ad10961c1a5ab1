import type { FormHost, OptionSource, PickOption } from '@formboard/form-runtime';
import type { OrgUnit, User } from '../api/types.ts';
import { recordSource } from './recordSource.ts';

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
