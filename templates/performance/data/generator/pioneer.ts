import { monthOf } from './calendar.ts';
import type { MonthlyCounts } from './counts.ts';
import type { Draft } from './forms.ts';
import { kpisOf } from './kpiLibrary.ts';
import type { Org } from './org.ts';

/** What the monthly count reads: the weeks each person checked in and KPI values entered per week. */
export interface Activity {
  readonly checkInWeeks: ReadonlyMap<string, ReadonlySet<string>>;
  /** People who own key results this cycle (only they owe check-ins). */
  readonly krOwners: ReadonlySet<string>;
  readonly checkInCalendar: readonly string[];
  readonly kpiValues: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly kpiCalendar: readonly string[];
  readonly feedbackGiven: MonthlyCounts;
  readonly feedbackReceived: MonthlyCounts;
  readonly oneOnOnes: MonthlyCounts;
}

/**
 * One digital-pioneer record per person per month, counted from the sample's own records as the
 * monthly import would: check-in weeks due and done, KPI values due and entered, feedback given and
 * received, and one-on-ones (a week belongs to the month of its Monday).
 */
export function pioneerDrafts(org: Org, months: readonly string[], activity: Activity): Draft[] {
  const drafts: Draft[] = [];
  const monthCount = (counts: MonthlyCounts, person: string, month: string) =>
    counts.get(person)?.get(month) ?? 0;
  for (const month of months) {
    const checkInWeeks = activity.checkInCalendar.filter((week) => monthOf(week) === month);
    const kpiWeeks = activity.kpiCalendar.filter((week) => monthOf(week) === month);
    for (const person of org.people) {
      const owesCheckIns = activity.krOwners.has(person.id);
      const done = activity.checkInWeeks.get(person.id) ?? new Set<string>();
      const entered = activity.kpiValues.get(person.id);
      drafts.push({
        key: `dp-${String(drafts.length + 1).padStart(4, '0')}`,
        values: {
          employee: person.id,
          orgUnit: person.unit.id,
          month,
          expectedCheckIns: owesCheckIns ? checkInWeeks.length : 0,
          checkIns: owesCheckIns ? checkInWeeks.filter((week) => done.has(week)).length : 0,
          expectedKpiValues: kpisOf(person).length * kpiWeeks.length,
          kpiValues: kpiWeeks.reduce((sum, week) => sum + (entered?.get(week) ?? 0), 0),
          feedbackGiven: monthCount(activity.feedbackGiven, person.id, month),
          feedbackReceived: monthCount(activity.feedbackReceived, person.id, month),
          oneOnOnes: monthCount(activity.oneOnOnes, person.id, month),
        },
      });
    }
  }
  return drafts;
}
