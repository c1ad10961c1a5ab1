import { type FormDefinition, rollupValue } from '@formboard/schema';
import { addDays } from './calendar.ts';
import type { Draft, Filled } from './forms.ts';
import { CYCLE, type KrPlan, krValueAt, type ObjectivePlan } from './okrs.ts';
import type { Random } from './random.ts';
import { BLOCKERS, LOW_CONFIDENCE, MANAGER_NOTES, NEXT_STEPS, PROGRESS_NOTES } from './texts.ts';

/** The cycle's check-ins and what they leave on the key results. */
export interface CheckIns {
  readonly drafts: Draft[];
  /** Each key result's last check-in: its value and week (Monday). */
  readonly last: ReadonlyMap<string, { value: number; week: string }>;
  /** Weeks in which each person checked in at least once. */
  readonly weeksByPerson: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The share of a 13-week quarter that has passed by the end of check-in week `w` (0-based). */
const expectedShare = (w: number) => (w + 1.6) / 13;

/**
 * Weekly check-ins on every key result: each owner checks in most Fridays (how often follows their
 * diligence; this week's are not all in yet), moving toward their pace with some noise; confidence
 * follows the gap to where the key result should be by then, and low confidence always says why.
 */
export function generateCheckIns(
  objectives: readonly ObjectivePlan[],
  weeks: readonly string[],
  random: Random,
): CheckIns {
  const drafts: Draft[] = [];
  const last = new Map<string, { value: number; week: string }>();
  const weeksByPerson = new Map<string, Set<string>>();
  for (const kr of objectives.flatMap((o) => o.krs)) {
    let previous: number | undefined;
    weeks.forEach((week, w) => {
      const odds = kr.owner.diligence * (w === weeks.length - 1 ? 0.7 : 1);
      if (!random.chance(odds)) return;
      const share = Math.max(0, (kr.pace * (w + 1)) / weeks.length + random.normal(0, 0.04));
      const value = krValueAt(kr, share, random);
      const gap = share - expectedShare(w);
      const confidence = gap >= -0.05 ? 'high' : gap >= -0.2 ? 'medium' : 'low';
      const narrative =
        confidence === 'low'
          ? random.pick(LOW_CONFIDENCE)
          : random.chance(0.15)
            ? random.pick(PROGRESS_NOTES)
            : undefined;
      drafts.push({
        key: `ci-${String(drafts.length + 1).padStart(5, '0')}`,
        values: {
          keyResult: kr.key,
          owner: kr.owner.id,
          week,
          ...(previous === undefined ? {} : { previousValue: previous }),
          value,
          confidence,
          ...(narrative ? { narrative } : {}),
          ...(confidence !== 'high' && random.chance(0.6) ? { blockers: random.pick(BLOCKERS) } : {}),
          ...(random.chance(0.5) ? { nextSteps: random.pick(NEXT_STEPS) } : {}),
          ...(random.chance(0.1) ? { managerComment: random.pick(MANAGER_NOTES) } : {}),
        },
      });
      previous = value;
      last.set(kr.key, { value, week });
      const seen = weeksByPerson.get(kr.owner.id) ?? new Set<string>();
      seen.add(week);
      weeksByPerson.set(kr.owner.id, seen);
    });
  }
  return { drafts, last, weeksByPerson };
}

/** The key results as entered, with the current value and date of their last check-in. */
export function keyResultDrafts(objectives: readonly ObjectivePlan[], checkIns: CheckIns): Draft[] {
  return objectives.flatMap((objective) =>
    objective.krs.map((kr: KrPlan): Draft => {
      const latest = checkIns.last.get(kr.key);
      return {
        key: kr.key,
        values: {
          objective: objective.key,
          title: kr.title,
          owner: kr.owner.id,
          orgUnit: kr.unit.id,
          ...(kr.alignsTo ? { alignsTo: kr.alignsTo.key } : {}),
          direction: kr.template.direction,
          unit: kr.template.unit,
          ...(kr.template.direction === 'increaseTo' || kr.template.direction === 'decreaseTo'
            ? { baseline: kr.baseline }
            : {}),
          target: kr.target,
          ...(kr.stretch === undefined ? {} : { stretch: kr.stretch }),
          ...(latest ? { current: latest.value, lastCheckIn: addDays(latest.week, 4) } : {}),
          weight: kr.weight,
          dataSource: kr.dataSource,
        },
      };
    }),
  );
}

/**
 * The objectives as entered, with the values of their form's roll-ups over the filled key results
 * (progress: the weighted average of their progress) — computed by the function the server rolls
 * them up with, so the file holds what the server would store.
 */
export function objectiveDrafts(
  objectives: readonly ObjectivePlan[],
  keyResults: readonly Filled[],
  form: FormDefinition,
): Draft[] {
  // The roll-ups over key results (the objective form has no other).
  const rollups = (form.rollups ?? []).filter((r) => r.from === 'key-result');
  return objectives.map((objective) => {
    const rolledUp = Object.fromEntries(
      rollups.map((r) => [
        r.target,
        rollupValue(
          r,
          keyResults.filter((kr) => kr.record[r.via] === objective.key).map((kr) => kr.record),
        ),
      ]),
    );
    return {
      key: objective.key,
      values: {
        title: objective.title,
        cycle: CYCLE.name,
        level: objective.level,
        owner: objective.owner.id,
        orgUnit: objective.unit.id,
        commitment: objective.level === 'person' ? 'aspirational' : 'committed',
        ...(objective.parent ? { parent: objective.parent.key } : {}),
        ...(objective.breakthrough ? { breakthrough: objective.breakthrough } : {}),
        weight: 100,
        startDate: CYCLE.start,
        dueDate: CYCLE.due,
        status: objective.status,
        ...rolledUp,
      },
    };
  });
}
