import type { DashboardDefinition } from '@formboard/schema';
import type { FilterValue, FilterValues } from './types.ts';

/** Each filter's starting value: the host's, else the definition's default, else "all". */
export function filterDefaults(definition: DashboardDefinition, initial: FilterValues = {}): FilterValues {
  const values: Record<string, FilterValue> = {};
  for (const filter of definition.filters ?? []) {
    values[filter.id] = initial[filter.id] ?? (filter.default as FilterValue | undefined) ?? 'all';
  }
  return values;
}
