import { NameMaker } from './names.ts';
import type { Random } from './random.ts';

/** What a unit or a person works on; it decides their KPIs, key results and texts. */
export type Track =
  | 'exec'
  | 'strategy'
  | 'hr'
  | 'finance'
  | 'it'
  | 'rnd'
  | 'process'
  | 'quality'
  | 'assembly'
  | 'machining'
  | 'purchasing'
  | 'planning'
  | 'sales'
  | 'delivery';

/** Where a person sits: the CEO, a business unit's general manager, a department head, a team lead, staff or a shop-floor operator. */
export type Level = 'ceo' | 'gm' | 'head' | 'lead' | 'staff' | 'operator';

/** A product business unit (事业部) and its product lines (options of the delivery forms). */
export interface BusinessUnit {
  readonly code: string;
  readonly name: string;
  readonly productLines: readonly string[];
}

/** An org unit; its id is the one the org chart import derives from the department path. */
export interface Unit {
  readonly id: string;
  readonly path: readonly string[];
  readonly track: Track;
  readonly bu: BusinessUnit | undefined;
  readonly parent: Unit | undefined;
}

/** A fictional employee. */
export interface Person {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly unit: Unit;
  readonly supervisor: Person | undefined;
  readonly roles: readonly string[];
  readonly level: Level;
  readonly track: Track;
  /** How well this person performs, 0 (weak) to 1 (strong); drives their numbers and ratings. */
  readonly strength: number;
  /** How reliably they keep their data up to date, 0.5 to 1. */
  readonly diligence: number;
}

/** The company: its units and people, the CEO first, every supervisor before their reports. */
export interface Org {
  readonly units: readonly Unit[];
  readonly people: readonly Person[];
  readonly businessUnits: readonly BusinessUnit[];
}

const COMPANY = '华川装备';
const EMAIL_DOMAIN = 'huachuan.example';

const BUSINESS_UNITS: readonly BusinessUnit[] = [
  { code: 'cnc', name: '数控机床事业部', productLines: ['vmc', 'hmc', 'lathe'] },
  { code: 'robot', name: '工业机器人事业部', productLines: ['robot6', 'scara'] },
  { code: 'logistics', name: '智能物流装备事业部', productLines: ['stacker', 'agv'] },
  { code: 'hydraulics', name: '液压传动事业部', productLines: ['hpu', 'servoCylinder'] },
  { code: 'laser', name: '激光装备事业部', productLines: ['laserCut', 'laserWeld'] },
  { code: 'inspection', name: '检测装备事业部', productLines: ['cmm', 'vision'] },
];

/** Headquarters departments: name, track and staff besides the head. */
const HQ_DEPARTMENTS: readonly [string, Track, number][] = [
  ['总经办', 'strategy', 2],
  ['人力资源部', 'hr', 5],
  ['财务部', 'finance', 4],
  ['数字化部', 'it', 4],
];

/** A business unit's departments, each with its teams: name, track and members besides the lead. */
const BU_DEPARTMENTS: readonly [string, Track, readonly [string, Track, number][]][] = [
  [
    '研发部',
    'rnd',
    [
      ['机械设计组', 'rnd', 7],
      ['电气控制组', 'rnd', 7],
      ['软件与算法组', 'rnd', 6],
    ],
  ],
  [
    '工艺质量部',
    'quality',
    [
      ['工艺组', 'process', 5],
      ['质量组', 'quality', 6],
    ],
  ],
  [
    '生产部',
    'assembly',
    [
      ['装配一线', 'assembly', 15],
      ['装配二线', 'assembly', 13],
      ['机加工车间', 'machining', 12],
    ],
  ],
  [
    '供应链部',
    'planning',
    [
      ['采购组', 'purchasing', 5],
      ['计划物流组', 'planning', 5],
    ],
  ],
  [
    '销售交付部',
    'delivery',
    [
      ['销售组', 'sales', 6],
      ['项目交付组', 'delivery', 5],
    ],
  ],
];

/** Builds the fictional equipment maker: 680 people in headquarters and six business units. */
export function buildOrg(random: Random): Org {
  const names = new NameMaker(random.fork('names'));
  const units: Unit[] = [];
  const people: Person[] = [];
  const emails = new Set<string>();

  const unit = (path: readonly string[], track: Track, parent?: Unit, bu?: BusinessUnit): Unit => {
    const made = { id: `ou-${path.join('/')}`, path, track, bu, parent };
    units.push(made);
    return made;
  };
  const person = (at: Unit, level: Level, track: Track, supervisor?: Person, roles = ['member']): Person => {
    const { name, pinyin } = names.next();
    let email = `${pinyin}@${EMAIL_DOMAIN}`;
    for (let n = 2; emails.has(email); n++) email = `${pinyin}${n}@${EMAIL_DOMAIN}`;
    emails.add(email);
    const made: Person = {
      id: `HC${String(people.length + 1).padStart(4, '0')}`,
      name,
      email,
      unit: at,
      supervisor,
      roles,
      level,
      track,
      strength: Math.min(1, Math.max(0, random.normal(0.55, 0.2))),
      diligence: random.between(0.55, 1),
    };
    people.push(made);
    return made;
  };

  const root = unit([COMPANY], 'exec');
  const ceo = person(root, 'ceo', 'exec', undefined, ['manager']);
  for (const [name, track, staff] of HQ_DEPARTMENTS) {
    const department = unit([COMPANY, name], track, root);
    const headRoles =
      track === 'hr' ? ['manager', 'designer'] : track === 'it' ? ['manager', 'admin'] : ['manager'];
    const head = person(department, 'head', track, ceo, headRoles);
    for (let i = 0; i < staff; i++)
      person(department, 'staff', track, head, track === 'hr' ? ['designer'] : ['member']);
  }
  for (const bu of BUSINESS_UNITS) {
    const buUnit = unit([COMPANY, bu.name], 'exec', root, bu);
    const gm = person(buUnit, 'gm', 'exec', ceo, ['manager']);
    for (const [departmentName, departmentTrack, teams] of BU_DEPARTMENTS) {
      const department = unit([...buUnit.path, departmentName], departmentTrack, buUnit, bu);
      const head = person(department, 'head', departmentTrack, gm, ['manager']);
      for (const [teamName, teamTrack, members] of teams) {
        const team = unit([...department.path, teamName], teamTrack, department, bu);
        const lead = person(team, 'lead', teamTrack, head, ['manager']);
        const level: Level = teamTrack === 'assembly' || teamTrack === 'machining' ? 'operator' : 'staff';
        for (let i = 0; i < members; i++) person(team, level, teamTrack, lead);
      }
    }
  }
  return { units, people, businessUnits: BUSINESS_UNITS };
}

/** The people.csv row of a person, in the org chart import's columns. */
export function orgChartRow(person: Person): string[] {
  return [
    person.id,
    person.name,
    person.email,
    person.unit.path.join('/'),
    person.supervisor?.id ?? '',
    person.roles.join(';'),
  ];
}

/** The org chart import's headers, in the order of `orgChartRow`. */
export const ORG_CHART_HEADER = ['id', 'name', 'email', 'department', 'supervisor', 'roles'];
