import type { Draft } from './forms.ts';
import type { Org, Person } from './org.ts';

/** The strategic breakthrough points of 2025 (closed) and 2026, with the KPIs behind them. */
export function breakthroughDrafts(org: Org): Draft[] {
  const [ceo] = org.people;
  const gm = (code: string) => org.people.find((p) => p.level === 'gm' && p.unit.bu?.code === code);
  const head = (track: string) =>
    org.people.find((p) => p.level === 'head' && p.track === track && !p.unit.bu);
  const point = (
    year: number,
    rank: number,
    [title, why, stage, measure, unit]: readonly [string, string, string, string, string],
    [baseline, target]: readonly [number, number],
    owner: Person | undefined,
    kpis: readonly [string, string][],
    status: string,
    review?: string,
  ): Draft => ({
    key: `bt-${year}-${rank}`,
    values: {
      year,
      rank,
      title,
      why,
      stage,
      owner: owner?.id,
      measure,
      unit,
      baseline,
      target,
      linkedKpis: kpis.map(([kpi, contribution]) => ({ kpi, contribution })),
      status,
      ...(review ? { review } : {}),
    },
  });
  return [
    point(
      2025,
      1,
      ['装配产能提升 20%', '订单积压三个月，产能是交付的瓶颈', 'production', '月装配台数（指数）', '%'],
      [100, 120],
      ceo,
      [['kpi-prd-02', '设备效率是产能的主要来源']],
      'achieved',
      '全年装配产能提升 23%，积压订单在三季度清零。',
    ),
    point(
      2025,
      2,
      ['客户投诉减半', '投诉集中在装配质量和交付延期', 'quality', '每月客户投诉次数', '次'],
      [8, 4],
      gm('hydraulics'),
      [['kpi-qua-02', '直接衡量']],
      'achieved',
      '四季度月均投诉 3.7 次，达成。',
    ),
    point(
      2025,
      3,
      ['ERP 与 MES 数据打通', '计划和现场数据两张皮，日报靠手工', 'support', '打通的关键数据流', '%'],
      [0, 100],
      head('it'),
      [['kpi-sup-04', '打通后系统可用率是底线']],
      'achieved',
      'ERP、MES 主数据和工单已打通，日报自动生成。',
    ),
    point(
      2025,
      4,
      ['海外订单占比 30%', '国内价格竞争激烈，需要第二增长曲线', 'sales', '海外订单占比', '%'],
      [12, 30],
      gm('robot'),
      [['kpi-sal-01', '新签合同额中的海外部分']],
      'dropped',
      '海外渠道投入推迟到 2027 年，资源集中到新品上市提速。',
    ),
    point(
      2026,
      1,
      [
        '新品上市周期缩短 24%',
        '竞争对手新品上市比我们快一个季度，丢单集中在新品',
        'rnd',
        '新品上市周期',
        '天',
      ],
      [147, 112],
      ceo,
      [
        ['kpi-rnd-01', '直接衡量'],
        ['kpi-dlv-01', '需求确认是第一段等待'],
        ['kpi-qua-01', '试产返工是第二段等待'],
      ],
      'active',
    ),
    point(
      2026,
      2,
      ['订单准时交付率 95%', '延期交付是客户投诉的第一来源', 'delivery', '订单准时交付率', '%'],
      [85, 95],
      gm('logistics'),
      [
        ['kpi-dlv-02', '直接衡量'],
        ['kpi-prc-01', '缺料是延期的主因'],
      ],
      'active',
    ),
    point(
      2026,
      3,
      ['装配一次合格率 97%', '返修占用 8% 的装配工时', 'quality', '装配一次合格率', '%'],
      [92, 97],
      gm('hydraulics'),
      [
        ['kpi-prd-01', '直接衡量'],
        ['kpi-qua-03', '来料不良传递到装配'],
        ['kpi-qua-02', '出厂质量的结果'],
      ],
      'active',
    ),
    point(
      2026,
      4,
      [
        '供应链响应时间 48 小时',
        '紧急插单时物料确认要三天，拖慢交付和试产',
        'procurement',
        '供应链响应时间',
        '小时',
      ],
      [72, 48],
      head('strategy'),
      [
        ['kpi-prc-02', '直接衡量'],
        ['kpi-prc-01', '供应商准时是响应的基础'],
      ],
      'active',
    ),
    point(
      2026,
      5,
      ['全员数据在线', '数据靠月底补录，预警总是晚一个月', 'support', '数字化先锋覆盖率', '%'],
      [60, 90],
      head('it'),
      [['kpi-sup-01', '直接衡量']],
      'active',
    ),
  ];
}
