/**
 * What the hand-written react-hook-form page renders from: the logical form itself (sections of field
 * descriptors and the table), turned into <input {...register(key, rules)}> by pages/rhf.tsx.
 */
import type { LogicalForm } from '../model.ts';

export type RhfFormat = Pick<LogicalForm, 'sections' | 'table'>;

export function toRhf(form: LogicalForm): RhfFormat {
  return { sections: form.sections, table: form.table };
}
