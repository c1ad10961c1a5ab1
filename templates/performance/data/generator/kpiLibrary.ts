import type { Draft } from './forms.ts';
import type { Level, Org, Person, Track } from './org.ts';

/** A KPI of the company library, with how its weekly values are written. */
export interface KpiSpec {
  readonly key: string;
  readonly code: string;
  readonly name: string;
  readonly stage: string;
  readonly direction: 'higherIsBetter' | 'lowerIsBetter';
  readonly unit: string;
  readonly baseline: number;
  readonly target: number;
  readonly cap: number;
  readonly sourceSystem: string;
  readonly definition: string;
  /** Decimals people enter values with. */
  readonly decimals: number;
  /** The highest possible value (100 for percentages). */
  readonly max?: number;
  /** Who owns the KPI: the first person of this track and level. */
  readonly owner: readonly [Track, Level];
}

const spec = (
  code: string,
  name: string,
  stage: string,
  direction: KpiSpec['direction'],
  unit: string,
  [baseline, target]: readonly [number, number],
  sourceSystem: string,
  definition: string,
  owner: readonly [Track, Level],
  decimals = 1,
  max?: number,
): KpiSpec => ({
  key: `kpi-${code.toLowerCase()}`,
  code,
  name,
  stage,
  direction,
  unit,
  baseline,
  target,
  cap: 120,
  sourceSystem,
  definition,
  decimals,
  ...(max === undefined ? {} : { max }),
  owner,
});

/** The company KPI library: the breakthrough measures and the day-to-day KPIs of each function. */
export const KPI_LIBRARY: readonly KpiSpec[] = [
  spec(
    'RND-01',
    '新品开发周期',
    'rnd',
    'lowerIsBetter',
    '天',
    [147, 112],
    'plm',
    '在研新品从立项到上市的预计总天数（按项目平均）',
    ['exec', 'gm'],
    0,
  ),
  spec(
    'RND-02',
    '图纸一次通过率',
    'rnd',
    'higherIsBetter',
    '%',
    [85, 95],
    'plm',
    '当周会签一次通过的图纸数 ÷ 提交会签的图纸数',
    ['rnd', 'head'],
    1,
    100,
  ),
  spec(
    'RND-03',
    '设计变更单数',
    'rnd',
    'lowerIsBetter',
    '份',
    [6, 3],
    'plm',
    '当周发出的设计变更单数量',
    ['rnd', 'head'],
    0,
  ),
  spec(
    'QUA-01',
    '试产一次通过率',
    'quality',
    'higherIsBetter',
    '%',
    [82, 95],
    'qms',
    '当周试产批次中一次通过检验的批次数 ÷ 试产总批次数',
    ['quality', 'head'],
    1,
    100,
  ),
  spec(
    'QUA-02',
    '客户投诉次数',
    'quality',
    'lowerIsBetter',
    '次',
    [3, 1.5],
    'qms',
    '当周登记的有效客户投诉（质量、交付、服务）',
    ['quality', 'lead'],
    0,
  ),
  spec(
    'QUA-03',
    '来料不良率',
    'quality',
    'lowerIsBetter',
    'PPM',
    [1200, 800],
    'qms',
    '当周来料检验不良数 ÷ 来料总数 × 1,000,000',
    ['quality', 'lead'],
    0,
  ),
  spec(
    'PRD-01',
    '装配一次合格率',
    'production',
    'higherIsBetter',
    '%',
    [92, 97],
    'mes',
    '当周一次装配合格台数 ÷ 装配总台数',
    ['assembly', 'head'],
    1,
    100,
  ),
  spec(
    'PRD-02',
    '设备综合效率 OEE',
    'production',
    'higherIsBetter',
    '%',
    [68, 78],
    'mes',
    '时间开动率 × 性能开动率 × 合格品率',
    ['machining', 'lead'],
    1,
    100,
  ),
  spec(
    'PRD-03',
    '换型时间',
    'production',
    'lowerIsBetter',
    '分钟',
    [95, 60],
    'mes',
    '当周各次换型从上一批末件到下一批首件合格的平均分钟数',
    ['assembly', 'head'],
    0,
  ),
  spec(
    'PRC-01',
    '供应商准时交付率',
    'procurement',
    'higherIsBetter',
    '%',
    [86, 95],
    'srm',
    '当周按承诺日期到货的订单行 ÷ 应到货订单行',
    ['purchasing', 'lead'],
    1,
    100,
  ),
  spec(
    'PRC-02',
    '供应链响应时间',
    'procurement',
    'lowerIsBetter',
    '小时',
    [72, 48],
    'srm',
    '紧急物料需求从提出到供应商确认交期的平均小时数',
    ['planning', 'head'],
    0,
  ),
  spec(
    'DLV-01',
    '需求确认周期',
    'delivery',
    'lowerIsBetter',
    '天',
    [21, 12],
    'crm',
    '客户需求从提出到技术方案冻结的平均天数',
    ['delivery', 'head'],
    1,
  ),
  spec(
    'DLV-02',
    '订单准时交付率',
    'delivery',
    'higherIsBetter',
    '%',
    [85, 95],
    'erp',
    '当周按合同日期发货的订单数 ÷ 应发货订单数',
    ['delivery', 'head'],
    1,
    100,
  ),
  spec(
    'SAL-01',
    '新签合同额',
    'sales',
    'higherIsBetter',
    '万元',
    [120, 150],
    'crm',
    '当周新签合同的含税金额',
    ['sales', 'lead'],
    1,
  ),
  spec(
    'SUP-01',
    '数据填报及时率',
    'support',
    'higherIsBetter',
    '%',
    [80, 95],
    'manual',
    '当周按时更新的进展和 KPI 数据 ÷ 应更新的数量',
    ['strategy', 'head'],
    1,
    100,
  ),
  spec(
    'SUP-02',
    '招聘到岗周期',
    'support',
    'lowerIsBetter',
    '天',
    [45, 30],
    'manual',
    '当周到岗人员从需求批准到入职的平均天数',
    ['hr', 'head'],
    0,
  ),
  spec(
    'SUP-03',
    '报销处理时长',
    'support',
    'lowerIsBetter',
    '天',
    [7, 3],
    'erp',
    '当周报销单从提交到付款的平均天数',
    ['finance', 'head'],
    1,
  ),
  spec(
    'SUP-04',
    '系统可用率',
    'support',
    'higherIsBetter',
    '%',
    [99, 99.8],
    'manual',
    '当周核心系统（ERP、MES、PLM）可用时长 ÷ 计划时长',
    ['it', 'head'],
    2,
    100,
  ),
];

/** The library by code. */
export const KPI_BY_CODE: ReadonlyMap<string, KpiSpec> = new Map(KPI_LIBRARY.map((kpi) => [kpi.code, kpi]));

// The KPIs a person is measured on by track and level ("track:level" first, then "track"):
// managers carry two, staff and operators one.
const ASSIGNMENT: Readonly<Record<string, readonly string[]>> = {
  exec: ['DLV-02', 'RND-01'],
  'strategy:head': ['SUP-01', 'RND-01'],
  strategy: ['SUP-01'],
  'hr:head': ['SUP-02', 'SUP-01'],
  hr: ['SUP-02'],
  'finance:head': ['SUP-03', 'SUP-01'],
  finance: ['SUP-03'],
  'it:head': ['SUP-04', 'SUP-01'],
  it: ['SUP-04'],
  'rnd:head': ['RND-01', 'RND-03'],
  'rnd:lead': ['RND-03', 'RND-02'],
  rnd: ['RND-02'],
  'quality:head': ['QUA-01', 'DLV-02'],
  'quality:lead': ['QUA-02', 'QUA-03'],
  quality: ['QUA-03'],
  'process:lead': ['QUA-01', 'PRD-03'],
  process: ['QUA-01'],
  'assembly:head': ['DLV-02', 'PRD-02'],
  'assembly:lead': ['PRD-01', 'PRD-03'],
  assembly: ['PRD-01'],
  'machining:lead': ['PRD-02', 'PRD-03'],
  machining: ['PRD-02'],
  'planning:head': ['PRC-02', 'PRC-01'],
  'planning:lead': ['PRC-02', 'DLV-02'],
  planning: ['PRC-02'],
  'purchasing:lead': ['PRC-01', 'PRC-02'],
  purchasing: ['PRC-01'],
  'delivery:head': ['DLV-01', 'SAL-01'],
  'delivery:lead': ['DLV-01', 'DLV-02'],
  delivery: ['DLV-01'],
  'sales:lead': ['SAL-01', 'DLV-01'],
  sales: ['SAL-01'],
};

/** The KPIs a person is measured on. */
export function kpisOf(person: Person): KpiSpec[] {
  const codes = ASSIGNMENT[`${person.track}:${person.level}`] ?? ASSIGNMENT[person.track] ?? [];
  return codes.map((code) => {
    const kpi = KPI_BY_CODE.get(code);
    if (!kpi) throw new Error(`no KPI ${code}`);
    return kpi;
  });
}

/** The KPI library records. */
export function kpiDrafts(org: Org): Draft[] {
  return KPI_LIBRARY.map((kpi) => {
    const [track, level] = kpi.owner;
    const owner = org.people.find((p) => p.track === track && p.level === level);
    if (!owner) throw new Error(`nobody owns ${kpi.code}`);
    return {
      key: kpi.key,
      values: {
        code: kpi.code,
        name: kpi.name,
        stage: kpi.stage,
        direction: kpi.direction,
        unit: kpi.unit,
        baseline: kpi.baseline,
        target: kpi.target,
        cap: kpi.cap,
        sourceSystem: kpi.sourceSystem,
        owner: owner.id,
        definition: kpi.definition,
        active: true,
      },
    };
  });
}
