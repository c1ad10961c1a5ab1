import type { Draft } from './forms.ts';
import { type KpiSpec, kpisOf } from './kpiLibrary.ts';
import type { Org, Person } from './org.ts';
import { type Random, round } from './random.ts';

/** Who drifts below baseline, and in which weeks (indexes into the quarter's weeks). */
export interface Drift {
  readonly person: Person;
  readonly kpi: KpiSpec;
  readonly weeks: readonly number[];
}

/** The quarter's KPI values and the planned drifts behind the alert. */
export interface Measurements {
  readonly drafts: Draft[];
  /** Two or more bad weeks in a row: the alert fires for exactly these people. */
  readonly drifts: readonly Drift[];
  /** A single bad week: no alert. */
  readonly blips: readonly Drift[];
  /** How many values each person entered per week (for the digital-pioneer counts). */
  readonly entered: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const SOURCE_OF: Readonly<Record<string, string>> = { manual: 'manual', erp: 'import' };

const DRIFT_NOTES = [
  '主轴供应商延迟交货，两条线轮流停线',
  '新员工上岗，装配节拍未达标',
  '试产批次返工，影响本周数据',
  '关键客户需求反复变更',
  '检测设备校准停用三天',
  '系统切换期间部分数据手工补录',
];

/** The value a person reaches at `share` of the way from the KPI's baseline to its target. */
function valueAt(kpi: KpiSpec, share: number): number {
  const raw = kpi.baseline + share * (kpi.target - kpi.baseline);
  const bounded = Math.min(kpi.max ?? Number.POSITIVE_INFINITY, Math.max(0, raw));
  return round(bounded, kpi.decimals);
}

/** The smallest value worse than the baseline that the KPI's decimals can hold. */
function badStep(kpi: KpiSpec): number {
  const unit = 10 ** -kpi.decimals;
  return round(kpi.baseline + (kpi.direction === 'lowerIsBetter' ? unit : -unit), kpi.decimals);
}

/** Whether a value is worse than the KPI's baseline (what the alert counts). */
function worse(kpi: KpiSpec, value: number): boolean {
  return kpi.direction === 'lowerIsBetter' ? value > kpi.baseline : value < kpi.baseline;
}

/** Picks the planned drifts: six still going at the end of the quarter, two that recovered, twelve one-week blips. */
function planDrifts(
  people: readonly Person[],
  weeks: number,
  random: Random,
): { drifts: Drift[]; blips: Drift[] } {
  const candidates = random.sample(
    people.filter((p) => p.level !== 'ceo' && kpisOf(p).length > 0),
    20,
  );
  const last = weeks - 1;
  const drifts = candidates.slice(0, 8).map((person, i): Drift => {
    const kpi = kpisOf(person)[0] as KpiSpec;
    if (i >= 6) return { person, kpi, weeks: [5, 6] };
    const length = i % 2 === 0 ? 3 : 4;
    return { person, kpi, weeks: Array.from({ length }, (_, j) => last - length + 1 + j) };
  });
  const blips = candidates.slice(8).map((person): Drift => {
    const kpi = kpisOf(person)[0] as KpiSpec;
    return { person, kpi, weeks: [random.int(1, last)] };
  });
  return { drifts, blips };
}

/**
 * Weekly KPI values for everyone over the quarter: each person moves from near the baseline toward
 * the target at their own pace, never worse than the baseline — except in the planned drift weeks
 * (worse than the baseline two or more weeks in a row) and blips (one bad week). A few values are
 * missing, as when someone forgets to enter them; never in a drift.
 */
export function generateMeasurements(org: Org, weeks: readonly string[], random: Random): Measurements {
  const { drifts, blips } = planDrifts(org.people, weeks.length, random.fork('drifts'));
  const badWeeks = new Map<string, number[]>();
  for (const drift of [...drifts, ...blips])
    badWeeks.set(`${drift.person.id}/${drift.kpi.code}`, [...drift.weeks]);
  const drifting = new Set(drifts.map((d) => d.person.id));
  const drafts: Draft[] = [];
  const entered = new Map<string, Map<string, number>>();
  for (const person of org.people) {
    const perWeek = new Map<string, number>();
    entered.set(person.id, perWeek);
    for (const kpi of kpisOf(person)) {
      const start = 0.15 + 0.3 * person.strength + random.normal(0, 0.05);
      const end = 0.45 + 0.6 * person.strength + random.normal(0, 0.08);
      const bad = badWeeks.get(`${person.id}/${kpi.code}`) ?? [];
      weeks.forEach((week, w) => {
        const isBad = bad.includes(w);
        if (!isBad && !drifting.has(person.id) && random.chance(0.03 * (1.5 - person.diligence))) return;
        const share = isBad
          ? random.between(-0.7, -0.2)
          : Math.max(0.05, start + ((end - start) * w) / (weeks.length - 1) + random.normal(0, 0.08));
        let value = valueAt(kpi, share);
        // Rounding must not turn a good week into a bad one: hold the line at the baseline.
        if (!isBad && worse(kpi, value)) value = kpi.baseline;
        // …nor a bad week a good one: step one unit past the baseline.
        if (isBad && !worse(kpi, value)) value = badStep(kpi);
        perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
        drafts.push({
          key: `km-${String(drafts.length + 1).padStart(5, '0')}`,
          values: {
            kpi: kpi.key,
            kpiCode: kpi.code,
            owner: person.id,
            orgUnit: person.unit.id,
            week,
            direction: kpi.direction,
            baseline: kpi.baseline,
            target: kpi.target,
            value,
            source: SOURCE_OF[kpi.sourceSystem] ?? 'connector',
            ...(isBad && random.chance(0.6) ? { note: random.pick(DRIFT_NOTES) } : {}),
          },
        });
      });
    }
  }
  return { drafts, drifts, blips, entered };
}
