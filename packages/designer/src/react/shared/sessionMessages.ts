import type { Locale } from '@formboard/formula';
import type { ToolbarMessages } from './DesignerToolbar.tsx';
import type { SessionMessages } from './useDesignerSession.ts';

/** The strings every designer's toolbar and session share (each designer names its own toolbar). */
export type CommonDesignerMessages = Omit<ToolbarMessages, 'toolbar'> &
  SessionMessages & { readonly duplicate: string };

/** The shared strings in zh-CN and en. */
export const COMMON_DESIGNER_MESSAGES: Readonly<Record<Locale, CommonDesignerMessages>> = {
  'zh-CN': {
    undo: '撤销',
    redo: '重做',
    delete: '删除',
    duplicate: '复制一份',
    save: '保存',
    saved: '已保存',
    unsaved: '有未保存的修改',
    saveFailed: '保存失败，请重试',
    problems: (count) => `${count} 个问题`,
    noProblems: '没有问题',
    undone: (what) => `已撤销：${what}`,
    redone: (what) => `已重做：${what}`,
  },
  en: {
    undo: 'Undo',
    redo: 'Redo',
    delete: 'Delete',
    duplicate: 'Duplicate',
    save: 'Save',
    saved: 'Saved',
    unsaved: 'Unsaved changes',
    saveFailed: 'Saving failed; try again',
    problems: (count) => (count === 1 ? '1 problem' : `${count} problems`),
    noProblems: 'No problems',
    undone: (what) => `Undone: ${what}`,
    redone: (what) => `Redone: ${what}`,
  },
};
