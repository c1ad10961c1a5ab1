import type { Command } from '../../core/Command.ts';
import type { Dashboard } from '../dashboardTypes.ts';

/** Removes widgets; the others stay where they are (nothing moves up into the gap). */
export function removeWidgets(ids: readonly string[]): Command<Dashboard> {
  return {
    label:
      ids.length === 1
        ? { 'zh-CN': '删除组件', en: 'Delete widget' }
        : { 'zh-CN': `删除 ${ids.length} 个组件`, en: `Delete ${ids.length} widgets` },
    run(dashboard) {
      const gone = new Set(ids);
      const widgets = dashboard.widgets.filter((w) => !gone.has(w.id));
      if (widgets.length === dashboard.widgets.length) return { document: dashboard };
      return { document: { ...dashboard, widgets }, selection: [] };
    },
  };
}
