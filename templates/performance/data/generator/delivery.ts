import { addDays, daysBetween } from './calendar.ts';
import type { Draft } from './forms.ts';
import type { Org, Person } from './org.ts';
import { type Random, round } from './random.ts';

/** Each product line's delivery cycle before the pilot, in days. */
const BASELINE_DAYS: Readonly<Record<string, number>> = {
  vmc: 96,
  hmc: 120,
  lathe: 75,
  robot6: 110,
  scara: 84,
  stacker: 135,
  agv: 90,
  hpu: 70,
  servoCylinder: 64,
  laserCut: 88,
  laserWeld: 92,
  cmm: 105,
  vision: 80,
};

const MODELS: Readonly<Record<string, readonly string[]>> = {
  vmc: ['VMC-650', 'VMC-850', 'VMC-1160'],
  hmc: ['HMC-500', 'HMC-630'],
  lathe: ['CK-6150', 'CK-6180'],
  robot6: ['HR-20', 'HR-50', 'HR-165'],
  scara: ['HS-400', 'HS-600'],
};

const CUSTOMERS = ['华东汽配', '华南 3C', '西南军工', '华北工程机械', '东北轨交', '华中新能源'];

/** The delivery owner of a business unit: its project delivery team's lead. */
function deliveryOwner(org: Org, bu: string): Person {
  const owner = org.people.find(
    (p) => p.unit.bu?.code === bu && p.track === 'delivery' && p.level === 'lead',
  );
  if (!owner) throw new Error(`no delivery lead in ${bu}`);
  return owner;
}

/**
 * Weekly delivery tracking per product line over the quarter, improving toward the case's goals
 * (requirement confirmation 21 → 12 days, trial pass 82% → 95%, supply response 72 → 48 hours,
 * time to market 147 → 112 days) with weekly noise.
 */
export function deliveryDrafts(org: Org, weeks: readonly string[], random: Random): Draft[] {
  const drafts: Draft[] = [];
  for (const bu of org.businessUnits) {
    const owner = deliveryOwner(org, bu.code);
    const team = org.units.find((u) => u.bu === bu && u.parent?.bu === undefined);
    for (const line of bu.productLines) {
      const skill = random.between(-0.15, 0.15);
      weeks.forEach((week, w) => {
        const progress = Math.min(
          1,
          Math.max(0, 0.25 + (0.5 * w) / (weeks.length - 1) + skill + random.normal(0, 0.08)),
        );
        const batches = random.int(2, 8);
        const passRate = 0.82 + 0.12 * progress;
        const passed = Math.min(batches, Math.round(batches * passRate + random.normal(0, 0.6)));
        const due = random.int(6, 28);
        const onTime = Math.min(due, Math.round(due * (0.85 + 0.1 * progress) + random.normal(0, 1)));
        const launches = random.chance(0.12) ? 1 : 0;
        drafts.push({
          key: `dl-${String(drafts.length + 1).padStart(4, '0')}`,
          values: {
            productLine: line,
            team: team?.id,
            owner: owner.id,
            week,
            requirementDays: round(21 - 8.5 * progress + random.normal(0, 0.8), 1),
            trialBatches: batches,
            trialPassed: Math.max(0, passed),
            supplyResponseHours: round(72 - 22 * progress + random.normal(0, 3), 0),
            ordersDue: due,
            ordersOnTime: Math.max(0, onTime),
            launches,
            ...(launches > 0
              ? { timeToMarketDays: round(147 - 32 * progress + random.normal(0, 4), 0) }
              : {}),
          },
        });
      });
    }
  }
  return drafts;
}

/**
 * The delivery-cycle compression pilot in two business units (CNC machines on the tiered rule,
 * robots on the linear one): projects started from June, delivered ones with their actual days and
 * trial pass rate, a few below the quality gate.
 */
export function incentivePilotDrafts(org: Org, today: string, random: Random): Draft[] {
  const drafts: Draft[] = [];
  for (const [bu, rule, baseBonus] of [
    ['cnc', 'tiered', 20000],
    ['robot', 'linear', 30000],
  ] as const) {
    const owner = deliveryOwner(org, bu);
    const unit = org.units.find((u) => u.bu?.code === bu && u.parent?.bu === undefined);
    const lines = org.businessUnits.find((b) => b.code === bu)?.productLines ?? [];
    for (let i = 0; i < 14; i++) {
      const line = random.pick(lines);
      const baselineDays = BASELINE_DAYS[line] ?? 100;
      const startedOn = addDays('2026-06-01', random.int(0, 130));
      const compression = random.normal(0.2, 0.1);
      const deliveredOn = addDays(startedOn, Math.round(baselineDays * (1 - compression)));
      const delivered = deliveredOn <= today;
      const status = !delivered
        ? 'inProgress'
        : daysBetween(deliveredOn, today) > 30
          ? 'settled'
          : 'delivered';
      drafts.push({
        key: `ip-${String(drafts.length + 1).padStart(2, '0')}`,
        values: {
          project: `${random.pick(MODELS[line] ?? [line.toUpperCase()])} ${random.pick(CUSTOMERS)}客户订单`,
          productLine: line,
          team: unit?.id,
          owner: owner.id,
          status,
          startedOn,
          ...(delivered
            ? { deliveredOn, trialPassRate: round(Math.min(1, random.normal(0.975, 0.018)), 3) }
            : {}),
          baselineDays,
          bonusRule: rule,
          baseBonus,
        },
      });
    }
  }
  return drafts;
}
