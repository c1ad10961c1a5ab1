import type { Track } from './org.ts';

/** A kind of key result, with its usual baseline and target. */
export interface KrTemplate {
  readonly family: string;
  /** The title, with {b} for the baseline and {t} for the target. */
  readonly title: string;
  readonly unit: string;
  readonly direction: 'increaseTo' | 'decreaseTo' | 'stayAbove' | 'stayBelow';
  readonly baseline: number;
  readonly target: number;
  readonly decimals: number;
  readonly max?: number;
}

const t = (
  family: string,
  title: string,
  unit: string,
  direction: KrTemplate['direction'],
  baseline: number,
  target: number,
  decimals = 1,
  max?: number,
): KrTemplate => ({
  family,
  title,
  unit,
  direction,
  baseline,
  target,
  decimals,
  ...(max === undefined ? {} : { max }),
});

/** Key-result kinds by family. */
export const KR_TEMPLATES: ReadonlyMap<string, KrTemplate> = new Map(
  [
    t('ttm', '新品上市周期从 {b} 天缩短到 {t} 天', '天', 'decreaseTo', 147, 112, 0),
    t('reqDays', '需求确认周期从 {b} 天降到 {t} 天', '天', 'decreaseTo', 21, 12),
    t('trialPass', '试产一次通过率从 {b}% 提升到 {t}%', '%', 'increaseTo', 82, 95, 1, 100),
    t('onTime', '订单准时交付率从 {b}% 提升到 {t}%', '%', 'increaseTo', 85, 95, 1, 100),
    t('assemblyPass', '装配一次合格率从 {b}% 提升到 {t}%', '%', 'increaseTo', 92, 97, 1, 100),
    t('complaints', '客户投诉从每月 {b} 次降到 {t} 次以内', '次', 'decreaseTo', 12, 6, 0),
    t('supplyResp', '供应链响应时间从 {b} 小时缩短到 {t} 小时', '小时', 'decreaseTo', 72, 48, 0),
    t('supplierOnTime', '供应商准时交付率从 {b}% 提升到 {t}%', '%', 'increaseTo', 86, 95, 1, 100),
    t('pioneer', '数字化先锋覆盖率从 {b}% 提升到 {t}%', '%', 'increaseTo', 60, 90, 0, 100),
    t('drawingPass', '图纸一次通过率从 {b}% 提升到 {t}%', '%', 'increaseTo', 85, 95, 1, 100),
    t('modules', '完成 {t} 个标准化模块设计并发布', '个', 'increaseTo', 0, 6, 0),
    t('oee', '设备综合效率 OEE 从 {b}% 提升到 {t}%', '%', 'increaseTo', 68, 78, 1, 100),
    t('changeover', '换型时间从 {b} 分钟降到 {t} 分钟', '分钟', 'decreaseTo', 95, 60, 0),
    t('incomingPpm', '来料不良率从 {b} PPM 降到 {t} PPM', 'PPM', 'decreaseTo', 1200, 800, 0),
    t('contracts', '本季度新签合同额达到 {t} 万元', '万元', 'increaseTo', 0, 1800, 0),
    t('safetyStock', '关键物料安全库存覆盖率保持不低于 {t}%', '%', 'stayAbove', 90, 90, 1, 100),
    t('hiring', '关键岗位招聘到岗周期从 {b} 天降到 {t} 天', '天', 'decreaseTo', 45, 30, 0),
    t('coverage', '一对一覆盖率从 {b}% 提升到 {t}%', '%', 'increaseTo', 40, 90, 0, 100),
    t('reimburse', '报销处理时长从 {b} 天降到 {t} 天', '天', 'decreaseTo', 7, 3),
    t('dso', '应收账款周转天数保持不高于 {t} 天', '天', 'stayBelow', 90, 90, 0),
    t('uptime', '核心系统可用率保持不低于 {t}%', '%', 'stayAbove', 99.5, 99.5, 2, 100),
  ].map((template) => [template.family, template]),
);

/** The key-result families each track works on, most important first. */
export const TRACK_FAMILIES: Readonly<Record<Track, readonly string[]>> = {
  exec: ['ttm', 'onTime', 'supplyResp'],
  strategy: ['pioneer', 'ttm'],
  hr: ['hiring', 'coverage', 'pioneer'],
  finance: ['reimburse', 'dso'],
  it: ['uptime', 'pioneer'],
  rnd: ['ttm', 'drawingPass', 'modules'],
  process: ['trialPass', 'changeover'],
  quality: ['complaints', 'incomingPpm', 'trialPass'],
  assembly: ['assemblyPass', 'onTime', 'changeover'],
  machining: ['oee', 'changeover'],
  planning: ['supplyResp', 'safetyStock', 'onTime'],
  purchasing: ['supplierOnTime', 'supplyResp'],
  sales: ['contracts', 'reqDays'],
  delivery: ['reqDays', 'onTime'],
};

/** Objective titles of each track (a unit's or a person's), one picked per objective. */
export const TRACK_OBJECTIVES: Readonly<Record<Track, readonly string[]>> = {
  exec: ['新品上市提速', '交付与质量双提升'],
  strategy: ['战略突破点按月跟踪落地', '经营分析更快更准'],
  hr: ['关键岗位快速到岗，一对一全覆盖', '绩效体系全员用起来'],
  finance: ['财务服务提速，回款可控', '费用报销更快更透明'],
  it: ['系统稳定，数据全员在线', '打通 PLM、MES 与绩效数据'],
  rnd: ['缩短新品开发周期', '设计一次做对', '模块化设计降本提速'],
  process: ['试产一次成功', '工艺标准化，换型更快'],
  quality: ['质量问题不出厂', '客户投诉减半', '来料质量前移管控'],
  assembly: ['装配质量与交付双提升', '一次做对，按时下线'],
  machining: ['提升设备效率，减少换型损失', '机加工产能释放'],
  planning: ['供应链快速响应', '计划准确，物料齐套'],
  purchasing: ['供应商准时交付', '关键物料双供应商'],
  sales: ['拿下重点订单，需求一次讲清', '重点行业客户突破'],
  delivery: ['订单准时交付', '需求确认提速'],
};
