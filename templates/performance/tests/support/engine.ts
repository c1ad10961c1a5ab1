import { createFormEngine, type FormEngine } from '@formboard/form-runtime';
import { loadForm } from './pack.ts';

/** A fixed clock for formulas that read $today: Friday 2026-09-18, 10:30 in Shanghai. */
export const NOW = Date.parse('2026-09-18T02:30:00Z');

/** The headless engine of a pack form, filled with `value`, at the fixed clock. */
export function fill(formId: string, value: Record<string, unknown>): FormEngine {
  return createFormEngine(loadForm(formId), {
    value,
    context: { now: NOW, timeZone: 'Asia/Shanghai', user: { id: 'u-wangfang', name: '王芳' } },
  });
}

/** The zh-CN and en messages of the issues at `path` (form-wide ones have path ""). */
export function messagesAt(form: FormEngine, path: string): string[] {
  return form
    .validate()
    .filter((issue) => issue.path === path)
    .flatMap((issue) => [issue.message['zh-CN'], issue.message.en]);
}
