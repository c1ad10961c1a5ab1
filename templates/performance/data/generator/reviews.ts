import type { FormDefinition } from '@formboard/schema';
import { addDays } from './calendar.ts';
import { computedValue, type Draft, type Filled } from './forms.ts';
import { kpisOf } from './kpiLibrary.ts';
import type { Org, Person } from './org.ts';
import { type Random, round } from './random.ts';
import { CALIBRATION_REASONS, EMPLOYEE_COMMENTS, REVIEW_COMMENTS, SELF_COMMENTS } from './texts.ts';

/** The review cycle of the sample: last quarter's, started in October. */
export const REVIEW_CYCLE = { name: '2026-Q3', period: '2026-07-01', startedOn: '2026-10-08' } as const;

const clampRating = (value: number) => Math.min(5, Math.max(1, Math.round(value)));

/** Last quarter's approved KPI scorecards: each person's KPIs, weighted 100 or 60/40. */
export function scorecardDrafts(org: Org, random: Random): Draft[] {
  return org.people.map((person, i) => {
    const kpis = kpisOf(person);
    const weights = kpis.length === 1 ? [100] : [60, 40];
    const lines = kpis.map((kpi, j) => {
      const share = 0.35 + 0.75 * person.strength + random.normal(0, 0.12);
      const raw = kpi.baseline + share * (kpi.target - kpi.baseline);
      const actual = round(Math.min(kpi.max ?? Number.POSITIVE_INFINITY, Math.max(0, raw)), kpi.decimals);
      return {
        kpi: kpi.key,
        direction: kpi.direction,
        weight: weights[j],
        target: kpi.target,
        actual,
        cap: kpi.cap,
      };
    });
    const managerScored = random.chance(0.35);
    return {
      key: `sc-${String(i + 1).padStart(4, '0')}`,
      values: {
        employee: person.id,
        period: REVIEW_CYCLE.period,
        status: 'approved',
        kpis: lines,
        ...(random.chance(0.7)
          ? { selfScore: round(85 + 25 * person.strength + random.normal(0, 4), 0) }
          : {}),
        ...(managerScored
          ? {
              managerScore: round(70 + 40 * person.strength + random.normal(0, 6), 0),
              managerComment: random.pick(REVIEW_COMMENTS),
            }
          : {}),
        ...(random.chance(0.1) ? { calibrationNote: random.pick(CALIBRATION_REASONS) } : {}),
      },
    };
  });
}

const STAGES: readonly [string, number][] = [
  ['self', 0.04],
  ['manager', 0.11],
  ['calibration', 0.2],
  ['shared', 0.32],
  ['acknowledged', 1],
];

/**
 * Last quarter's reviews, one per person with a supervisor, spread over the stages they have reached
 * by now. Ratings follow each person's strength; calibration keeps the form's proposal mostly and
 * moves one in eight by a step, with the reason the form then asks for.
 */
export function reviewDrafts(
  org: Org,
  form: FormDefinition,
  scorecards: ReadonlyMap<string, Filled>,
  today: string,
  random: Random,
): Draft[] {
  const drafts: Draft[] = [];
  for (const person of org.people) {
    const manager = person.supervisor;
    if (!manager) continue;
    const roll = random.next();
    const stage = STAGES.find(([, upTo]) => roll < upTo)?.[0] ?? 'acknowledged';
    const reached = (name: string) =>
      STAGES.findIndex(([s]) => s === stage) >= STAGES.findIndex(([s]) => s === name);
    const managerRating = clampRating(1 + 4 * person.strength + random.normal(0, 0.5));
    const values: Record<string, unknown> = {
      employee: person.id,
      manager: manager.id,
      orgUnit: person.unit.id,
      cycle: REVIEW_CYCLE.name,
      stage,
      startedOn: REVIEW_CYCLE.startedOn,
      ...kpiScoreOf(scorecards.get(person.id)),
    };
    if (reached('manager')) {
      values.selfRating = clampRating(managerRating + random.pick([0, 0, 1, 1, -1]));
      values.selfComment = random.pick(SELF_COMMENTS);
    }
    if (reached('calibration') || (stage === 'manager' && random.chance(0.5))) {
      values.managerRating = managerRating;
      if (person.level !== 'operator')
        values.peerRating = Math.min(5, Math.max(1, round(managerRating + random.normal(0, 0.4), 1)));
      values.potential = potentialOf(person, random);
      values.managerComment = random.pick(REVIEW_COMMENTS);
    }
    if (reached('shared') || (stage === 'calibration' && random.chance(0.5))) {
      // The form's own rounding of its proposal: calibration moves away from it only with a reason.
      const proposed = Number(computedValue(form, values, 'finalRating'));
      const moved = random.chance(0.125) ? clampRating(proposed + random.pick([-1, 1])) : proposed;
      values.calibratedRating = moved;
      if (moved !== proposed) values.calibrationReason = random.pick(CALIBRATION_REASONS);
    }
    if (stage === 'acknowledged') {
      const latest = Math.min(
        45,
        Math.round((Date.parse(today) - Date.parse(REVIEW_CYCLE.startedOn)) / 86_400_000),
      );
      values.acknowledgedOn = addDays(REVIEW_CYCLE.startedOn, random.int(12, latest));
      if (random.chance(0.6)) values.employeeComment = random.pick(EMPLOYEE_COMMENTS);
    } else if (stage === 'shared' && random.chance(0.3))
      values.employeeComment = random.pick(EMPLOYEE_COMMENTS);
    drafts.push({ key: `rv-${String(drafts.length + 1).padStart(4, '0')}`, values });
  }
  return drafts;
}

function kpiScoreOf(scorecard: Filled | undefined): Record<string, unknown> {
  const score = scorecard?.record.kpiScore;
  return typeof score === 'number' ? { kpiScore: Math.min(120, score) } : {};
}

/** Potential from strength, a little random: strong people more often high. */
function potentialOf(person: Person, random: Random): number {
  const draw = person.strength + random.normal(0, 0.15);
  return draw > 0.72 ? 3 : draw > 0.4 ? 2 : 1;
}
