import type { Locale } from '@formboard/formula';
import { COMMON_DESIGNER_MESSAGES, type CommonDesignerMessages } from '../shared/sessionMessages.ts';

/** Every string the workflow designer's own UI shows, in zh-CN and en. */
export interface WorkflowMessages extends CommonDesignerMessages {
  readonly toolbar: string;
  readonly flow: string;
  readonly settings: string;
  readonly nothingSelected: string;
  /** A card's accessible name: its visible kind and title, with what it is. */
  readonly triggerCard: (kind: string, summary: string) => string;
  readonly stepCard: (title: string, kind: string) => string;
  readonly addStart: string;
  readonly addAfter: (title: string) => string;
  readonly added: (kind: string) => string;
  readonly addInArm: (arm: string, title: string) => string;
  readonly addStepOfKind: string;
  readonly cancel: string;
  readonly branch: (n: number) => string;
  readonly otherwise: string;
  readonly approved: string;
  readonly rejected: string;
  readonly runEnds: string;
  readonly goTo: (title: string) => string;
  readonly looseSteps: string;
  readonly addBranch: string;
  readonly removeBranch: (arm: string) => string;
  readonly rejectPath: string;
  readonly workflowTitle: string;
  readonly stepTitle: string;
  readonly stepId: string;
  readonly stepIdHint: string;
  readonly applyStepId: string;
  readonly stepRenamed: (id: string) => string;
  readonly dropHere: string;
  readonly dragStepHelp: string;
  /** Said when a card is picked up with the keyboard: which keys do what. */
  readonly dragStepKeys: string;
  readonly pickedUpStep: (title: string) => string;
  readonly stepMoved: (title: string) => string;
  readonly stepMoveCancelled: (title: string) => string;
  readonly triggerKind: string;
  readonly form: string;
  readonly events: string;
  readonly eventNames: Readonly<Record<'created' | 'updated' | 'deleted', string>>;
  readonly condition: string;
  readonly schedulePreset: string;
  readonly customCron: string;
  readonly cron: string;
  readonly timeZone: string;
  readonly nextRuns: string;
  readonly measure: string;
  readonly measureField: string;
  readonly groupBy: string;
  readonly dateField: string;
  readonly period: string;
  readonly periodNames: Readonly<Record<'week' | 'month', string>>;
  readonly baseline: string;
  readonly direction: string;
  readonly directionNames: Readonly<Record<'higherIsBetter' | 'lowerIsBetter', string>>;
  readonly periodsInRow: string;
  readonly assignees: string;
  readonly recipients: string;
  readonly assigneeKind: (n: number) => string;
  readonly assigneeKinds: Readonly<Record<'user' | 'role' | 'field' | 'submitter' | 'supervisor', string>>;
  readonly user: (n: number) => string;
  readonly role: (n: number) => string;
  readonly userField: (n: number) => string;
  readonly supervisorOf: (n: number) => string;
  readonly submitter: string;
  readonly levelsUp: (n: number) => string;
  readonly levelName: (levels: number) => string;
  readonly addAssignee: string;
  readonly removeAssignee: (n: number) => string;
  readonly mode: string;
  readonly modeAny: string;
  readonly modeAll: string;
  readonly due: string;
  readonly durationHint: string;
  readonly escalate: string;
  readonly escalateAfter: string;
  readonly escalateTo: string;
  readonly channel: string;
  readonly connector: string;
  readonly subject: string;
  readonly message: string;
  readonly insertPlaceholder: string;
  readonly fieldsToSet: string;
  readonly addField: string;
  readonly field: (n: number) => string;
  readonly valueFormula: (n: number) => string;
  readonly targetForm: string;
  readonly waitFor: string;
  readonly waitUntil: string;
  readonly method: string;
  readonly path: string;
  readonly body: string;
  readonly dryRun: string;
  readonly sampleRecord: string;
  readonly sampleRecordJson: string;
  readonly editAsJson: string;
  readonly previousValues: string;
  readonly event: string;
  readonly approvalsGo: string;
  readonly periodValues: string;
  readonly invalidJson: string;
  readonly wouldFire: string;
  readonly skipped: string;
  readonly triggerFires: string;
  readonly triggerDoesNotFire: string;
  readonly none: string;
}

const ZH: WorkflowMessages = {
  ...COMMON_DESIGNER_MESSAGES['zh-CN'],
  toolbar: '流程设计器工具栏',
  flow: '流程',
  settings: '设置',
  nothingSelected: '选择一张卡片以编辑其设置',
  triggerCard: (kind, summary) => `触发：${kind} ${summary}`,
  stepCard: (title, kind) => `步骤：${kind} ${title}`,
  addStart: '在开头添加步骤',
  addAfter: (t) => `在“${t}”之后添加步骤`,
  added: (kind) => `已添加${kind}步骤，可在右侧设置。`,
  addInArm: (arm, t) => `在“${t}”的${arm}中添加步骤`,
  addStepOfKind: '添加哪种步骤',
  cancel: '取消',
  branch: (n) => `分支 ${n}`,
  otherwise: '其他情况',
  approved: '同意',
  rejected: '驳回',
  runEnds: '流程结束',
  goTo: (t) => `转到“${t}”`,
  looseSteps: '未连接的步骤',
  addBranch: '添加分支',
  removeBranch: (arm) => `删除${arm}`,
  rejectPath: '驳回时走单独的分支（否则驳回即结束流程）',
  workflowTitle: '流程名称',
  stepTitle: '步骤名称',
  stepId: '步骤标识',
  stepIdHint: '字母开头，可含字母、数字、_ 和 -；指向它的连线一起改名',
  applyStepId: '修改标识',
  stepRenamed: (id) => `步骤标识已改为 ${id}。`,
  dropHere: '放在这里',
  dragStepHelp:
    '用鼠标拖动卡片到两张卡片之间或分支里；键盘按空格拿起卡片，用方向键选择位置，再按空格放下；Alt+上/下 一次移动一格。',
  dragStepKeys: '上/下键选择位置，左/右键换到相邻分支，空格或回车放下，Esc 取消。',
  pickedUpStep: (title) => `已拿起步骤“${title}”。`,
  stepMoved: (title) => `已移动步骤“${title}”。`,
  stepMoveCancelled: (title) => `已取消移动步骤“${title}”。`,
  triggerKind: '触发方式',
  form: '表单',
  events: '记录事件',
  eventNames: { created: '新建', updated: '修改', deleted: '删除' },
  condition: '条件',
  schedulePreset: '运行时间',
  customCron: '自定义（cron）',
  cron: 'cron 表达式（分 时 日 月 周）',
  timeZone: '时区',
  nextRuns: '接下来 3 次运行',
  measure: '指标计算',
  measureField: '指标字段',
  groupBy: '分组字段（如员工）',
  dateField: '日期字段',
  period: '周期',
  periodNames: { week: '周', month: '月' },
  baseline: '基线',
  direction: '方向',
  directionNames: { higherIsBetter: '越高越好（低于基线为差）', lowerIsBetter: '越低越好（高于基线为差）' },
  periodsInRow: '连续几期',
  assignees: '审批人',
  recipients: '接收人',
  assigneeKind: (n) => `第 ${n} 位的类型`,
  assigneeKinds: {
    user: '指定用户',
    role: '角色',
    field: '表单中的人员字段',
    submitter: '提交人',
    supervisor: '主管',
  },
  user: (n) => `第 ${n} 位的用户`,
  role: (n) => `第 ${n} 位的角色`,
  userField: (n) => `第 ${n} 位的人员字段`,
  supervisorOf: (n) => `第 ${n} 位是谁的主管`,
  submitter: '提交人',
  levelsUp: (n) => `第 ${n} 位向上几级`,
  levelName: (levels) =>
    levels === 1 ? '直属主管' : levels === 2 ? '上 2 级（隔级主管）' : `上 ${levels} 级`,
  addAssignee: '添加人员',
  removeAssignee: (n) => `删除第 ${n} 位`,
  mode: '审批方式',
  modeAny: '任一人处理即可',
  modeAll: '所有人都要同意',
  due: '处理时限',
  durationHint: 'ISO 8601 时长，如 P2D（2 天）、PT24H（24 小时）',
  escalate: '超时升级',
  escalateAfter: '多久未处理后升级',
  escalateTo: '升级给',
  channel: '渠道',
  connector: '连接器（管理员配置）',
  subject: '标题',
  message: '消息内容',
  insertPlaceholder: '插入字段',
  fieldsToSet: '要写入的字段',
  addField: '添加字段',
  field: (n) => `第 ${n} 个字段`,
  valueFormula: (n) => `第 ${n} 个字段的值（公式）`,
  targetForm: '新建到哪个表单',
  waitFor: '等待时长',
  waitUntil: '等待到（日期公式）',
  method: '请求方法',
  path: '路径',
  body: '请求体（JSON 模板）',
  dryRun: '试运行',
  sampleRecord: '示例记录',
  sampleRecordJson: '示例记录（JSON）',
  editAsJson: '以 JSON 编辑（高级）',
  previousValues: '修改前的值（JSON，可留空）',
  event: '事件',
  approvalsGo: '审批结果',
  periodValues: '各期指标值（逗号分隔，最早的在前）',
  invalidJson: '不是有效的 JSON',
  wouldFire: '会执行',
  skipped: '跳过',
  triggerFires: '会启动流程',
  triggerDoesNotFire: '不会启动流程',
  none: '（无）',
};

const EN: WorkflowMessages = {
  ...COMMON_DESIGNER_MESSAGES.en,
  toolbar: 'Workflow designer toolbar',
  flow: 'Flow',
  settings: 'Settings',
  nothingSelected: 'Select a card to edit its settings',
  triggerCard: (kind, summary) => `Trigger: ${kind} ${summary}`,
  stepCard: (title, kind) => `Step: ${kind} ${title}`,
  addStart: 'Add a step at the start',
  addAfter: (t) => `Add a step after “${t}”`,
  added: (kind) => `Added a ${kind} step; its settings are on the right.`,
  addInArm: (arm, t) => `Add a step in ${arm} of “${t}”`,
  addStepOfKind: 'Which step to add',
  cancel: 'Cancel',
  branch: (n) => `branch ${n}`,
  otherwise: 'otherwise',
  approved: 'approved',
  rejected: 'rejected',
  runEnds: 'The run ends',
  goTo: (t) => `Go to “${t}”`,
  looseSteps: 'Unconnected steps',
  addBranch: 'Add branch',
  removeBranch: (arm) => `Remove ${arm}`,
  rejectPath: 'Rejections take their own path (otherwise a rejection ends the run)',
  workflowTitle: 'Workflow name',
  stepTitle: 'Step name',
  stepId: 'Step id',
  stepIdHint: 'Starts with a letter; letters, digits, _ and -. Links to it are renamed with it',
  applyStepId: 'Rename',
  stepRenamed: (id) => `The step id is now ${id}.`,
  dropHere: 'Drop here',
  dragStepHelp:
    'Drag the card with the mouse between two cards or into a branch; with the keyboard, press Space to pick it up, choose a place with the arrow keys and press Space to drop it; Alt+Up/Down moves it one place.',
  dragStepKeys:
    'Up/Down choose a place, Left/Right go to the next branch, Space or Enter drops, Escape cancels.',
  pickedUpStep: (title) => `Picked up the step “${title}”.`,
  stepMoved: (title) => `Moved the step “${title}”.`,
  stepMoveCancelled: (title) => `Moving the step “${title}” was cancelled.`,
  triggerKind: 'Trigger',
  form: 'Form',
  events: 'Record events',
  eventNames: { created: 'created', updated: 'updated', deleted: 'deleted' },
  condition: 'Condition',
  schedulePreset: 'When it runs',
  customCron: 'Custom (cron)',
  cron: 'Cron expression (minute hour day month weekday)',
  timeZone: 'Time zone',
  nextRuns: 'Next 3 runs',
  measure: 'Measure',
  measureField: 'Measured field',
  groupBy: 'Group by (e.g. employee)',
  dateField: 'Date field',
  period: 'Period',
  periodNames: { week: 'week', month: 'month' },
  baseline: 'Baseline',
  direction: 'Direction',
  directionNames: {
    higherIsBetter: 'Higher is better (below baseline is bad)',
    lowerIsBetter: 'Lower is better (above baseline is bad)',
  },
  periodsInRow: 'Periods in a row',
  assignees: 'Approvers',
  recipients: 'Recipients',
  assigneeKind: (n) => `Kind of person ${n}`,
  assigneeKinds: {
    user: 'A user',
    role: 'A role',
    field: 'A user field of the record',
    submitter: 'The submitter',
    supervisor: 'A supervisor',
  },
  user: (n) => `User of person ${n}`,
  role: (n) => `Role of person ${n}`,
  userField: (n) => `User field of person ${n}`,
  supervisorOf: (n) => `Whose supervisor is person ${n}`,
  submitter: 'the submitter',
  levelsUp: (n) => `Levels up of person ${n}`,
  levelName: (levels) => (levels === 1 ? 'direct supervisor' : `${levels} levels up`),
  addAssignee: 'Add person',
  removeAssignee: (n) => `Remove person ${n}`,
  mode: 'Approval mode',
  modeAny: 'Anyone decides',
  modeAll: 'Everyone must approve',
  due: 'Due within',
  durationHint: 'ISO 8601 duration such as P2D (2 days), PT24H (24 hours)',
  escalate: 'Escalate when overdue',
  escalateAfter: 'Escalate after',
  escalateTo: 'Escalate to',
  channel: 'Channel',
  connector: 'Connector (set up by an admin)',
  subject: 'Subject',
  message: 'Message',
  insertPlaceholder: 'Insert field',
  fieldsToSet: 'Fields to write',
  addField: 'Add field',
  field: (n) => `Field ${n}`,
  valueFormula: (n) => `Value of field ${n} (formula)`,
  targetForm: 'Form of the new record',
  waitFor: 'Wait for',
  waitUntil: 'Wait until (date formula)',
  method: 'Method',
  path: 'Path',
  body: 'Body (JSON template)',
  dryRun: 'Dry run',
  sampleRecord: 'Sample record',
  sampleRecordJson: 'Sample record (JSON)',
  editAsJson: 'Edit as JSON (advanced)',
  previousValues: 'Values before the change (JSON, optional)',
  event: 'Event',
  approvalsGo: 'Approval decision',
  periodValues: 'Values per period (comma-separated, oldest first)',
  invalidJson: 'Not valid JSON',
  wouldFire: 'Would run',
  skipped: 'Skipped',
  triggerFires: 'A run starts',
  triggerDoesNotFire: 'No run starts',
  none: '(none)',
};

/** The workflow designer's strings in zh-CN and en. */
export const WORKFLOW_MESSAGES: Readonly<Record<Locale, WorkflowMessages>> = { 'zh-CN': ZH, en: EN };

/** The workflow designer's strings in a locale. */
export function workflowMessages(locale: Locale): WorkflowMessages {
  return WORKFLOW_MESSAGES[locale];
}
