import { KR_TEMPLATES, type KrTemplate, TRACK_FAMILIES, TRACK_OBJECTIVES } from './krTemplates.ts';
import type { Org, Person, Unit } from './org.ts';
import { type Random, round } from './random.ts';

/** The OKR cycle of the sample data. */
export const CYCLE = { name: '2026-Q4', start: '2026-10-01', due: '2026-12-31' } as const;

/** A planned key result: who owns it, its numbers and how fast its owner moves it. */
export interface KrPlan {
  readonly key: string;
  readonly objective: ObjectivePlan;
  readonly owner: Person;
  readonly unit: Unit;
  readonly template: KrTemplate;
  readonly title: string;
  readonly baseline: number;
  readonly target: number;
  readonly stretch: number | undefined;
  readonly weight: number;
  readonly alignsTo: KrPlan | undefined;
  readonly dataSource: 'manual' | 'import' | 'connector';
  /** Share of the way from baseline to target reached by the end of the sample (about 0.63 is on time). */
  readonly pace: number;
}

/** A planned objective, its key results filled in as they are planned. */
export interface ObjectivePlan {
  readonly key: string;
  readonly title: string;
  readonly level: 'company' | 'department' | 'team' | 'person';
  readonly owner: Person;
  readonly unit: Unit;
  readonly parent: ObjectivePlan | undefined;
  readonly breakthrough: string | undefined;
  readonly status: 'active' | 'pendingApproval';
  readonly krs: KrPlan[];
}

/** Plans the cycle's objectives and key results, parents before children, aligned level by level. */
export function planOkrs(org: Org, random: Random): ObjectivePlan[] {
  const objectives: ObjectivePlan[] = [];
  let krCount = 0;
  const objective = (
    level: ObjectivePlan['level'],
    owner: Person,
    unit: Unit,
    title: string,
    parent?: ObjectivePlan,
    breakthrough?: string,
  ): ObjectivePlan => {
    const status = level === 'person' && random.chance(0.02) ? 'pendingApproval' : 'active';
    const made: ObjectivePlan = {
      key: `obj-${String(objectives.length + 1).padStart(4, '0')}`,
      title,
      level,
      owner,
      unit,
      parent,
      breakthrough,
      status,
      krs: [],
    };
    objectives.push(made);
    return made;
  };
  const weights = (count: number) => (count === 3 ? [40, 30, 30] : count === 2 ? [50, 50] : [100]);
  const addKrs = (to: ObjectivePlan, plan: readonly [string, Person][]) => {
    const split = weights(plan.length);
    plan.forEach(([family, owner], i) => {
      const template = KR_TEMPLATES.get(family);
      if (!template) throw new Error(`no key-result family ${family}`);
      const alignsTo = to.parent?.krs.find((kr) => kr.template.family === family) ?? to.parent?.krs[0];
      const [baseline, target, stretch] = numbersFor(template, to.level === 'company' ? 0 : 0.06, random);
      krCount++;
      to.krs.push({
        key: `kr-${String(krCount).padStart(4, '0')}`,
        objective: to,
        owner,
        unit: owner.unit,
        template,
        title: template.title.replace('{b}', String(baseline)).replace('{t}', String(target)),
        baseline,
        target,
        stretch,
        weight: split[i] ?? 0,
        alignsTo,
        dataSource:
          to.level === 'person' ? 'manual' : random.pick(['manual', 'import', 'connector'] as const),
        pace: Math.max(0.05, 0.25 + 0.6 * owner.strength + random.normal(0, 0.1)),
      });
    });
  };

  /** A staff member's own objective under their team's (or department's), with two key results of their track. */
  const personObjective = (person: Person, parent: ObjectivePlan): void => {
    const families = TRACK_FAMILIES[person.track];
    const first = random.int(0, families.length - 1);
    const picked = [families[first], families[(first + 1) % families.length]] as string[];
    const made = objective(
      'person',
      person,
      person.unit,
      `个人：${random.pick(TRACK_OBJECTIVES[person.track])}`,
      parent,
    );
    addKrs(
      made,
      [...new Set(picked)].map((family) => [family, person] as [string, Person]),
    );
  };

  const [ceo] = org.people;
  if (!ceo) throw new Error('the org has nobody');
  const gms = org.people.filter((p) => p.level === 'gm');
  const hqHead = (track: string) =>
    org.people.find((p) => p.level === 'head' && p.track === track && !p.unit.bu) as Person;
  const root = ceo.unit;
  const company = [
    objective('company', ceo, root, '新品上市周期缩短到 112 天', undefined, 'bt-2026-1'),
    objective('company', ceo, root, '交付准时、质量稳定，客户更满意', undefined, 'bt-2026-2'),
    objective('company', ceo, root, '供应链快速响应，全员数据在线', undefined, 'bt-2026-4'),
  ] as const;
  const gm = (i: number) => gms[i % gms.length] as Person;
  addKrs(company[0], [
    ['ttm', gm(0)],
    ['reqDays', gm(1)],
    ['trialPass', gm(4)],
  ]);
  addKrs(company[1], [
    ['onTime', gm(2)],
    ['assemblyPass', gm(3)],
    ['complaints', gm(5)],
  ]);
  addKrs(company[2], [
    ['supplyResp', hqHead('strategy')],
    ['pioneer', hqHead('it')],
    ['supplierOnTime', hqHead('finance')],
  ]);

  const parentFor = (candidates: readonly ObjectivePlan[], families: readonly string[]) =>
    candidates.find((o) => o.krs.some((kr) => families.includes(kr.template.family))) ?? candidates[0];
  const headsOf = (unit: Unit) =>
    org.people.filter(
      (p) => p.unit === unit && (p.level === 'head' || p.level === 'lead' || p.level === 'gm'),
    );

  for (const hqUnit of org.units.filter((u) => u.parent === root && !u.bu)) {
    const head = headsOf(hqUnit)[0] as Person;
    const families = TRACK_FAMILIES[hqUnit.track];
    const made = objective(
      'department',
      head,
      hqUnit,
      random.pick(TRACK_OBJECTIVES[hqUnit.track]),
      parentFor(company, families),
    );
    addKrs(
      made,
      families.slice(0, 2).map((family) => [family, head] as [string, Person]),
    );
    for (const staff of org.people.filter((p) => p.unit === hqUnit && p.level === 'staff'))
      personObjective(staff, made);
  }

  for (const buUnit of org.units.filter((u) => u.parent === root && u.bu)) {
    const general = headsOf(buUnit)[0] as Person;
    const departments = org.units.filter((u) => u.parent === buUnit);
    const headOf = (track: string) =>
      headsOf(departments.find((d) => d.track === track) as Unit)[0] ?? general;
    const short = buUnit.bu?.name.replace('事业部', '') ?? '';
    const buObjectives = [
      objective('department', general, buUnit, `${short}新品上市提速`, company[0]),
      objective('department', general, buUnit, `${short}交付与质量双提升`, company[1]),
    ] as const;
    addKrs(buObjectives[0], [
      ['ttm', headOf('rnd')],
      ['reqDays', headOf('delivery')],
      ['trialPass', headOf('quality')],
    ]);
    addKrs(buObjectives[1], [
      ['onTime', headOf('planning')],
      ['assemblyPass', headOf('assembly')],
      ['complaints', headOf('quality')],
    ]);
    for (const department of departments) {
      const head = headsOf(department)[0] as Person;
      const families = TRACK_FAMILIES[department.track];
      const parent = parentFor(buObjectives, families);
      const made = objective(
        'department',
        head,
        department,
        random.pick(TRACK_OBJECTIVES[department.track]),
        parent,
      );
      const teams = org.units.filter((u) => u.parent === department);
      const leads = teams.map((team) => headsOf(team)[0] as Person);
      addKrs(
        made,
        families
          .slice(0, 3)
          .map((family, i) => [family, leads[i % leads.length] ?? head] as [string, Person]),
      );
      for (const team of teams) {
        const lead = headsOf(team)[0] as Person;
        const teamFamilies = TRACK_FAMILIES[team.track];
        const teamObjective = objective('team', lead, team, random.pick(TRACK_OBJECTIVES[team.track]), made);
        const members = org.people.filter((p) => p.unit === team && p.level === 'staff');
        addKrs(
          teamObjective,
          teamFamilies
            .slice(0, 2)
            .map((family, i) => [family, i === 1 && members[0] ? members[0] : lead] as [string, Person]),
        );
        for (const member of members) personObjective(member, teamObjective);
      }
    }
  }
  return objectives;
}

/** Baseline, target and (sometimes) stretch of a key result, varied a little per owner. */
function numbersFor(
  template: KrTemplate,
  spread: number,
  random: Random,
): [number, number, number | undefined] {
  const factor = 1 + random.normal(0, spread);
  const limit = (value: number) =>
    round(Math.min(template.max ?? Number.POSITIVE_INFINITY, value), template.decimals);
  if (template.direction === 'stayAbove' || template.direction === 'stayBelow')
    return [template.baseline, template.target, undefined];
  const baseline = template.baseline === 0 ? 0 : limit(template.baseline * factor);
  const target = limit(
    template.baseline === 0
      ? template.target * factor
      : baseline + (template.target - template.baseline) * factor,
  );
  if (target === baseline) return [template.baseline, template.target, undefined];
  const stretch = random.chance(0.3) ? limit(target + 0.3 * (target - baseline)) : undefined;
  return [baseline, target, stretch !== undefined && stretch !== target ? stretch : undefined];
}

/** The value a key result shows at `share` of the way from its baseline to its target. */
export function krValueAt(kr: KrPlan, share: number, random: Random): number {
  const { template } = kr;
  if (template.direction === 'stayAbove' || template.direction === 'stayBelow') {
    const holds = random.chance(0.55 + 0.4 * kr.owner.strength);
    const margin = Math.abs(kr.target) * random.between(0.005, 0.04);
    const up = (template.direction === 'stayAbove') === holds;
    return round(
      Math.min(template.max ?? Number.POSITIVE_INFINITY, kr.target + (up ? margin : -margin)),
      template.decimals,
    );
  }
  const raw = kr.baseline + share * (kr.target - kr.baseline);
  return round(Math.min(template.max ?? Number.POSITIVE_INFINITY, Math.max(0, raw)), template.decimals);
}
