import { addDays, daysBetween, monthOf, shanghaiTime } from './calendar.ts';
import { countFor, type MonthlyCounts } from './counts.ts';
import type { Draft } from './forms.ts';
import type { Drift } from './measurements.ts';
import type { Org, Person } from './org.ts';
import type { Random } from './random.ts';
import { ACTIONS, PRIVATE_NOTES, SHARED_NOTES, TALKING_POINTS } from './texts.ts';

/** The sample's one-on-ones and how many each person took part in per month. */
export interface OneOnOneData {
  readonly drafts: Draft[];
  readonly held: MonthlyCounts;
}

/** A weekday on or after `date` (Saturdays and Sundays move to Monday). */
function weekday(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

/**
 * Regular one-on-ones between `from` and `today` — twice a month for staff and managers, monthly for
 * shop-floor operators, most of them held — and a follow-up for every KPI alert that had fired by
 * `today`: the alert goes out at the Monday tick after the second bad week closes, and most
 * supervisors talk to the person that day (one in four the next afternoon, past the 24-hour goal).
 */
export function generateOneOnOnes(
  org: Org,
  drifts: readonly Drift[],
  weeks: readonly string[],
  [from, today]: readonly [string, string],
  random: Random,
): OneOnOneData {
  const drafts: Draft[] = [];
  const held: MonthlyCounts = new Map();
  const add = (
    manager: Person,
    employee: Person,
    date: string,
    heldAt: string,
    extra: Record<string, unknown>,
  ) => {
    const actions = Array.from({ length: random.int(0, 2) }, () => {
      const due = addDays(date, random.int(5, 14));
      return {
        action: random.pick(ACTIONS),
        owner: random.chance(0.7) ? employee.id : manager.id,
        due,
        done: due < today && random.chance(0.8),
      };
    });
    drafts.push({
      key: `oo-${String(drafts.length + 1).padStart(4, '0')}`,
      values: {
        manager: manager.id,
        employee: employee.id,
        heldAt,
        minutes: random.pick([15, 15, 15, 20, 30]),
        ...extra,
        ...(random.chance(0.7) ? { talkingPoints: random.pick(TALKING_POINTS) } : {}),
        ...(random.chance(0.8) ? { sharedNotes: random.pick(SHARED_NOTES) } : {}),
        ...(random.chance(0.25) ? { privateNote: random.pick(PRIVATE_NOTES) } : {}),
        ...(actions.length > 0 ? { actionItems: actions } : {}),
        confirmed: random.chance(0.75),
      },
    });
    countFor(held, employee.id, monthOf(date));
    countFor(held, manager.id, monthOf(date));
  };

  for (const employee of org.people) {
    const manager = employee.supervisor;
    if (!manager) continue;
    const every = employee.level === 'operator' ? 28 : 14;
    for (let date = addDays(from, random.int(0, every - 1)); date <= today; date = addDays(date, every)) {
      const day = weekday(date);
      if (day > today || !random.chance(0.7 + 0.25 * manager.diligence)) continue;
      const reason = random.chance(0.08) ? 'development' : 'regular';
      add(manager, employee, day, shanghaiTime(day, random.int(9, 16), random.pick([0, 30])), { reason });
    }
  }

  drifts.forEach((drift, i) => {
    const manager = drift.person.supervisor;
    const secondBad = drift.weeks[1];
    if (!manager || secondBad === undefined) return;
    const closedMonday = weeks[secondBad + 1] ?? addDays(weeks[weeks.length - 1] ?? today, 7);
    if (daysBetween(closedMonday, today) < 1) return;
    // The alert goes out at a morning tick; most supervisors talk the same afternoon, some the next day.
    const raisedAt = shanghaiTime(closedMonday, 8, random.pick([0, 15, 30, 45]));
    const late = i % 4 === 3;
    const heldDate = late ? addDays(closedMonday, 1) : closedMonday;
    const heldAt = shanghaiTime(
      heldDate,
      random.int(late ? 13 : 10, 17),
      random.pick([0, 10, 20, 30, 40, 50]),
    );
    add(manager, drift.person, heldDate, heldAt, {
      reason: 'alertFollowUp',
      alertRaisedAt: raisedAt,
    });
  });
  return { drafts, held };
}
