import type { LocalizedMessage } from '@formboard/formula';
import type { DefinitionOutcome, InstallReport } from './installPack.ts';

const OUTCOMES: Record<DefinitionOutcome, LocalizedMessage> = {
  created: { 'zh-CN': '新建并发布', en: 'created and published' },
  upgraded: { 'zh-CN': '已升级（追加新版本并发布）', en: 'upgraded (a new version, published)' },
  unchanged: { 'zh-CN': '无变化', en: 'unchanged' },
  restored: { 'zh-CN': '已恢复', en: 'restored' },
  keptLocalEdits: {
    'zh-CN': '本地改过，保留本地版本（未应用模板包的新内容）',
    en: 'edited locally: kept as is (the pack’s new content not applied)',
  },
  idTaken: {
    'zh-CN': '已有同名定义且不是来自此模板包，未改动',
    en: 'the id is taken by a definition not from this pack: left alone',
  },
};

/** How an outcome reads. */
export const outcomeText = (outcome: DefinitionOutcome): LocalizedMessage => OUTCOMES[outcome];

/** An install report as lines for the command line or a log, in both languages. */
export function describeInstall(report: InstallReport): LocalizedMessage[] {
  const head: LocalizedMessage =
    report.from === report.to
      ? {
          'zh-CN': `${report.name} ${report.to}：已经安装过`,
          en: `${report.name} ${report.to}: already installed`,
        }
      : report.from
        ? {
            'zh-CN': `${report.name}：${report.from} → ${report.to}`,
            en: `${report.name}: ${report.from} → ${report.to}`,
          }
        : { 'zh-CN': `${report.name} ${report.to}：已安装`, en: `${report.name} ${report.to}: installed` };
  const lines = report.definitions.map(({ id, kind, outcome }) => ({
    'zh-CN': `  ${kind} ${id}：${OUTCOMES[outcome]['zh-CN']}`,
    en: `  ${kind} ${id}: ${OUTCOMES[outcome].en}`,
  }));
  const dropped = report.droppedUpstream.map((id) => ({
    'zh-CN': `  ${id}：新版本不再包含，已保留`,
    en: `  ${id}: no longer in the pack; kept`,
  }));
  return [head, ...lines, ...dropped];
}
