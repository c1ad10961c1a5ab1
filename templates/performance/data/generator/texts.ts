// Short texts people write in the forms, by occasion; the generator picks one per record.

/** Why confidence dropped (check-in narratives). */
export const LOW_CONFIDENCE = [
  '关键物料到货推迟两周，试产计划顺延',
  '客户需求本周第三次变更，方案需重新评审',
  '两名骨干被抽调支援交付，进度落后',
  '供应商样件检验不合格，等待二次送样',
  '设备故障停机三天，本周数据下滑',
  '新系统切换后数据口径变化，正在核对',
];

/** What people report in passing (check-in narratives). */
export const PROGRESS_NOTES = [
  '按计划推进，本周完成阶段评审',
  '试点产线效果明显，准备推广到二线',
  '标准作业卡已覆盖 80% 工位',
  '与采购对齐了关键物料的交期',
  '客户验收提前一周完成',
];

/** What stands in the way (check-in blockers). */
export const BLOCKERS = [
  '需要采购协调进口轴承的加急交期',
  '测试台架被占用，需要排期',
  '等待客户确认技术协议',
  '需要 IT 开通 MES 数据接口权限',
  '人手不足，希望借调一名工艺工程师',
];

/** What comes next week (check-in next steps). */
export const NEXT_STEPS = [
  '完成第二轮试产并复盘',
  '和供应商开周会锁定交期',
  '把改善措施写进作业指导书',
  '整理数据，周五前更新看板',
  '组织跨部门评审，冻结方案',
  '跟进上周行动项的关闭情况',
];

/** Managers' notes on a check-in. */
export const MANAGER_NOTES = [
  '进展不错，注意把经验沉淀成标准',
  '风险要早暴露，需要资源直接找我',
  '下周一对一时细聊卡点',
  '和质量部对齐一下口径',
];

/** Feedback situations. */
export const SITUATIONS = [
  '上周三的换型评审会上',
  '本月客户现场验收时',
  '双周复盘会上',
  '处理紧急插单的那两天',
  '新品试产启动会上',
  '季度经营分析会上',
  '昨天的质量问题分析会上',
];

/** Behaviours worth recognising. */
export const GOOD_BEHAVIOURS = [
  '你提前把换型步骤拆成标准作业卡并现场演示',
  '你主动联系供应商把关键物料提前了五天',
  '你把客户需求整理成一页清单，会上逐条确认',
  '你连夜分析了不良品数据，找到了夹具磨损的根因',
  '你把复盘的行动项逐个跟到关闭',
  '你带着新同事把 MES 报工流程走了一遍',
];

/** Impacts of what went well. */
export const GOOD_IMPACTS = [
  '换型时间从 95 分钟降到 62 分钟，当班多产出 40 件',
  '试产没有因为缺料停下来，按期完成',
  '需求一次确认，省掉了一轮方案返工',
  '同类不良本周没有再出现',
  '团队本月的数据填报及时率到了 100%',
];

/** Behaviours to improve. */
export const IMPROVE_BEHAVIOURS = [
  '方案变更没有同步到工艺和采购',
  '会上的结论没有写进行动项，也没有负责人',
  '问题拖到周五才升级',
  '数据连续两周没有按时更新',
];

/** Impacts of what could improve. */
export const IMPROVE_IMPACTS = [
  '采购按旧图纸下了单，返工一周',
  '下次开会同样的问题又讨论了一遍',
  '客户交期被迫推迟三天',
  '预警晚了一周，错过了调整窗口',
];

/** Suggested next steps in feedback. */
export const FEEDBACK_NEXT = [
  '变更当天在群里 @ 相关同事并更新变更单',
  '每次会议结束前用两分钟确认行动项和负责人',
  '风险出现的当天就找我或在进展里写明',
  '每周五下班前更新进展',
];

/** One-on-one topics raised by the employee. */
export const TALKING_POINTS = [
  '想多参与新品项目，学习试产管理',
  '本月加班较多，想聊聊工作节奏',
  '关键结果的目标值是否需要调整',
  '跨部门协作中遇到的阻力',
  '下半年的培训和发展计划',
  '对班组排班的建议',
];

/** Shared one-on-one notes. */
export const SHARED_NOTES = [
  '聊了本月进展和卡点，约定下周先解决物料问题',
  '认可了换型改善的成果，讨论了推广计划',
  '对齐了关键结果的优先级，先保交付',
  '讨论了发展方向，下季度参与新品项目',
];

/** Managers' private notes after a one-on-one. */
export const PRIVATE_NOTES = [
  '状态有些疲惫，下月注意排班',
  '有带人的潜力，可考虑储备班组长',
  '对调岗有顾虑，需要再观察',
  '连续两周数据下滑，已安排师傅带教',
];

/** Action items from one-on-ones and reviews. */
export const ACTIONS = [
  '整理换型标准作业卡',
  '约采购和供应商开交期会',
  '报名精益生产培训',
  '补齐本月 KPI 数据',
  '输出试产问题清单',
  '更新作业指导书',
];

/** Root causes found in biweekly reviews, by the kind of problem. */
export const ROOT_CAUSES = [
  '关键物料只有一家供应商，交期不可控',
  '需求评审缺少工艺和采购参与，方案反复',
  '新员工技能矩阵未更新，关键工位顶岗不足',
  '夹具点检没有纳入日常点检表',
  '数据靠月底补录，问题发现晚',
];

/** Decisions of biweekly reviews. */
export const DECISIONS = [
  '启动第二供应商认证，两周内完成样件',
  '需求评审会固定邀请工艺、采购参加',
  '关键工位实行 AB 角，月底前完成培训',
  '夹具点检纳入班前会',
  '每周五下班前更新进展和 KPI，班组长检查',
];

/** Managers' review comments. */
export const REVIEW_COMMENTS = [
  '目标达成扎实，跨部门协作主动',
  '结果达到期望，数据更新需要更及时',
  '在新品试产中起了关键作用',
  '本季度有两项关键结果落后，需加强风险预判',
  '改善成果显著，值得在全事业部推广',
];

/** Self-review summaries. */
export const SELF_COMMENTS = [
  '完成了三项关键结果中的两项，试产问题闭环率提升明显',
  '交付准时率达成，换型改善还需继续',
  '主导了标准作业卡的推行，遗憾是数据填报不够及时',
  '客户投诉下降，但来料质量改善慢于预期',
];

/** Why calibration moved a rating. */
export const CALIBRATION_REASONS = [
  '与同级对比，结果贡献高于建议评分',
  '关键结果依赖团队完成，个人贡献按 3 级计',
  '部门分布校准：4 级比例超出指引',
  '季度末重大质量问题负主要责任',
];

/** Employees' comments when acknowledging a review. */
export const EMPLOYEE_COMMENTS = [
  '认可评估结果',
  '同意，下季度重点提升数据及时性',
  '感谢反馈，会把改善经验推广到二线',
];
