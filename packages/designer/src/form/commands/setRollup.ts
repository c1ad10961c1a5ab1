import { type Command, type Refused, refuse } from '../../core/Command.ts';
import { withOptional } from '../formSites.ts';
import { boundPath, type Form } from '../formTree.ts';
import { measureFits, type RollupSettings, rollupOf, rollupTargetKind } from '../rollups.ts';

/**
 * Sets the roll-up of the field a node shows (`undefined` removes it): the field becomes the
 * `target` of one `rollups` entry, kept in its place in the list. Each call is its own undo step (a
 * choice in the panel). Refused for fields that cannot hold a roll-up (not a number or date field
 * outside tables, or a choice field), for a count, sum or average into a date field, and for fields
 * a computed formula already sets.
 */
export function setRollup(nodeId: string, settings: RollupSettings | undefined): Command<Form> {
  return {
    label:
      settings === undefined
        ? { 'zh-CN': '移除汇总', en: 'Remove roll-up' }
        : { 'zh-CN': '修改汇总', en: 'Change roll-up' },
    run: (form) => {
      const next = withRollup(form, nodeId, settings);
      return 'refused' in next ? next : { document: next };
    },
  };
}

/**
 * Sets the condition of the field's roll-up (`where`, a formula over the child form's fields; '' or
 * undefined removes it). Typing in a row merges into one undo step. Refused when the field has no roll-up.
 */
export function setRollupWhere(nodeId: string, where: string | undefined): Command<Form> {
  return {
    label: { 'zh-CN': '修改汇总条件', en: 'Change roll-up condition' },
    mergeKey: `rollup-where:${nodeId}`,
    run: (form) => {
      const path = boundPath(form, nodeId);
      const current = path === undefined ? undefined : rollupOf(form, path)?.rollup;
      if (!current) return refuse('这个字段没有汇总', 'this field has no roll-up');
      const { target: _target, where: _where, ...settings } = current;
      const next = withRollup(form, nodeId, where ? { ...settings, where } : settings);
      return 'refused' in next ? next : { document: next };
    },
  };
}

function withRollup(form: Form, nodeId: string, settings: RollupSettings | undefined): Form | Refused {
  const path = boundPath(form, nodeId);
  const current = path === undefined ? undefined : rollupOf(form, path);
  if (settings === undefined) {
    if (!current) return form;
    return withOptional(form, { rollups: form.rollups?.filter((_, i) => i !== current.index) });
  }
  const kind = path === undefined ? undefined : rollupTargetKind(form, path);
  if (path === undefined || kind === undefined) {
    return refuse(
      '汇总结果只能写入表格以外的数字或日期字段（不能是选项字段）',
      'a roll-up writes a number or date field outside tables (not a choice field)',
    );
  }
  if (!measureFits(settings.measure, kind)) {
    return refuse(
      '日期字段只能汇总最早或最晚的日期（最小值、最大值）',
      'a date field can only take the earliest or latest date (min or max)',
    );
  }
  if (form.computed?.some((c) => c.target === path)) {
    return refuse(
      '这个字段已由计算公式得出；先删除计算公式，再设置汇总',
      'a computed formula already sets this field; remove the formula before adding a roll-up',
    );
  }
  const rollup = { target: path, ...settings };
  if (current && JSON.stringify(current.rollup) === JSON.stringify(rollup)) return form;
  const list = form.rollups ?? [];
  const rollups = current ? list.map((r, i) => (i === current.index ? rollup : r)) : [...list, rollup];
  return withOptional(form, { rollups });
}
