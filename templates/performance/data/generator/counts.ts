/** Counts per person id per month (first day). */
export type MonthlyCounts = Map<string, Map<string, number>>;

/** Adds one to a person's count for a month. */
export function countFor(counts: MonthlyCounts, person: string, month: string): void {
  const months = counts.get(person) ?? new Map<string, number>();
  months.set(month, (months.get(month) ?? 0) + 1);
  counts.set(person, months);
}
