import { addDays } from './calendar.ts';
import type { Draft, Filled } from './forms.ts';
import { KPI_LIBRARY } from './kpiLibrary.ts';
import type { ObjectivePlan } from './okrs.ts';
import type { Org, Person, Unit } from './org.ts';
import { type Random, round } from './random.ts';
import { ACTIONS, DECISIONS, ROOT_CAUSES } from './texts.ts';

/** A team's KPI values by owner and week. */
type ValuesByOwner = ReadonlyMap<string, readonly Filled[]>;

/**
 * Every team's biweekly reviews over the quarter (periods starting every other Monday and already
 * over): the red items are the team's KPIs that barely moved from their baseline in those two weeks
 * and, in the OKR cycle, team key results moving too slowly.
 */
export function biweeklyReviewDrafts(
  org: Org,
  objectives: readonly ObjectivePlan[],
  measurements: readonly Filled[],
  weeks: readonly string[],
  today: string,
  random: Random,
): Draft[] {
  const byOwner = new Map<string, Filled[]>();
  for (const row of measurements) {
    const owner = String(row.record.owner);
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), row]);
  }
  const teams = org.units.filter(isTeam);
  const periods = weeks.filter((_, i) => i % 2 === 0).filter((start) => addDays(start, 13) < today);
  const drafts: Draft[] = [];
  for (const team of teams) {
    const members = org.people.filter((p) => p.unit === team);
    const lead = members.find((p) => p.level === 'lead');
    if (!lead) continue;
    const teamKrs = objectives.filter((o) => o.unit === team && o.level === 'team').flatMap((o) => o.krs);
    for (const start of periods) {
      if (!random.chance(0.9)) continue;
      const red = [
        ...redKpis(members, byOwner, [start, addDays(start, 7)]),
        ...(start >= '2026-10-01'
          ? teamKrs
              .filter((kr) => kr.pace < 0.45)
              .map((kr) => ({ keyResult: kr.key, gap: `进度落后：${kr.title}`, owner: kr.owner.id }))
          : []),
      ].slice(0, 4);
      const end = addDays(start, 13);
      const actions =
        red.length === 0
          ? []
          : Array.from({ length: random.int(1, 3) }, () => action(members, end, today, random));
      drafts.push({
        key: `br-${String(drafts.length + 1).padStart(4, '0')}`,
        values: {
          team: team.id,
          owner: lead.id,
          periodStart: start,
          attendees: members.length,
          ...(red.length > 0
            ? { redItems: red, rootCause: random.pick(ROOT_CAUSES), decisions: random.pick(DECISIONS) }
            : {}),
          ...(actions.length > 0 ? { actionItems: actions } : {}),
        },
      });
    }
  }
  return drafts;
}

/**
 * The team's KPIs that moved less than 30% of the way from baseline to target on average over the
 * period's weeks, least moved first, at most three.
 */
function redKpis(members: readonly Person[], byOwner: ValuesByOwner, weeks: readonly string[]) {
  const rows = members.flatMap((m) =>
    (byOwner.get(m.id) ?? []).filter((row) => weeks.includes(String(row.record.week))),
  );
  return KPI_LIBRARY.flatMap((kpi) => {
    const mine = rows.filter((row) => row.record.kpiCode === kpi.code);
    if (mine.length === 0) return [];
    const average = mine.reduce((sum, row) => sum + Number(row.record.value), 0) / mine.length;
    const moved = (average - kpi.baseline) / (kpi.target - kpi.baseline);
    if (moved >= 0.3) return [];
    const shareOf = (row: Filled) => (Number(row.record.value) - kpi.baseline) / (kpi.target - kpi.baseline);
    const worst = mine.reduce((a, b) => (shareOf(a) <= shareOf(b) ? a : b));
    return [
      {
        moved,
        item: {
          kpi: kpi.key,
          gap: `${kpi.name}两周均值 ${round(average, kpi.decimals)}${kpi.unit}，目标 ${kpi.target}${kpi.unit}`,
          owner: String(worst.record.owner),
        },
      },
    ];
  })
    .sort((a, b) => a.moved - b.moved)
    .slice(0, 3)
    .map(({ item }) => item);
}

function action(members: readonly Person[], periodEnd: string, today: string, random: Random) {
  const due = addDays(periodEnd, random.int(5, 14));
  return {
    action: random.pick(ACTIONS),
    owner: random.pick(members).id,
    due,
    done: due < today && random.chance(0.8),
  };
}

/** Units that are teams inside a business unit's department. */
function isTeam(unit: Unit): boolean {
  return Boolean(unit.bu && unit.parent?.bu && unit.parent.parent?.bu);
}
