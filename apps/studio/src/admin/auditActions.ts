import type { Text } from '../i18n/locale.tsx';

// What each audit action means, for people reading the log; an action not listed shows its code.
const ACTIONS: Readonly<Record<string, Text>> = {
  'definition.create': { 'zh-CN': '创建定义', en: 'created a definition' },
  'definition.save': { 'zh-CN': '保存新版本', en: 'saved a version' },
  'definition.publish': { 'zh-CN': '发布', en: 'published' },
  'definition.restore': { 'zh-CN': '恢复旧版本', en: 'restored a version' },
  'definition.archive': { 'zh-CN': '归档', en: 'archived' },
  'definition.clone': { 'zh-CN': '复制', en: 'cloned' },
  'record.create': { 'zh-CN': '新增记录', en: 'entered a record' },
  'record.update': { 'zh-CN': '修改记录', en: 'changed a record' },
  'record.delete': { 'zh-CN': '删除记录', en: 'deleted a record' },
  'record.import': { 'zh-CN': '导入记录', en: 'imported records' },
  'import.committed': { 'zh-CN': '导入文件', en: 'imported a file' },
  'record.rollup': { 'zh-CN': '汇总更新', en: 'rolled up from linked records' },
  'importMapping.save': { 'zh-CN': '保存导入列对应', en: 'saved an import column mapping' },
  'importMapping.remove': { 'zh-CN': '删除导入列对应', en: 'forgot an import column mapping' },
  'user.create': { 'zh-CN': '新增人员', en: 'added a person' },
  'user.update': { 'zh-CN': '修改人员', en: 'changed a person' },
  'user.password': { 'zh-CN': '设置密码', en: 'set a password' },
  'user.locked': { 'zh-CN': '账号锁定', en: 'account locked' },
  'orgUnit.create': { 'zh-CN': '新增部门', en: 'added a unit' },
  'orgUnit.update': { 'zh-CN': '修改部门', en: 'changed a unit' },
  'apiToken.create': { 'zh-CN': '创建 API 令牌', en: 'created an API token' },
  'apiToken.revoke': { 'zh-CN': '吊销 API 令牌', en: 'revoked an API token' },
  'connector.create': { 'zh-CN': '新增连接器', en: 'added a connector' },
  'connector.update': { 'zh-CN': '修改连接器', en: 'changed a connector' },
  'setting.update': { 'zh-CN': '修改设置', en: 'changed a setting' },
  'approval.decide': { 'zh-CN': '审批', en: 'decided an approval' },
  'alert.acknowledge': { 'zh-CN': '确认预警', en: 'acknowledged an alert' },
  'alert.close': { 'zh-CN': '关闭预警', en: 'closed an alert' },
  'workflow.notify': { 'zh-CN': '流程通知', en: 'workflow notification' },
};

/** How an audit action reads in a language (its code when unknown). */
export function auditActionLabel(action: string, locale: keyof Text): string {
  return ACTIONS[action]?.[locale] ?? action;
}
