import type { LocalizedMessage } from '@formboard/formula';
import { type FieldInfo, type FormRollup, ROLLUP_MEASURES } from '@formboard/schema';
import { keyOf } from './dataPaths.ts';
import { fieldIndexOf } from './formSites.ts';
import type { Form } from './formTree.ts';

// What the roll-up panel offers for a field: the child forms that point at this form, their
// reference fields that do, the measures and the fields each measure can combine. The rules are
// @formboard/schema's `checkFormRollups`, seen from the other side (what to offer, not what to report),
// so whatever is picked from these lists passes the save checks.

/** How a roll-up combines the child records' values. */
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** A roll-up as the panel edits it: everything but its target (the selected field). */
export type RollupSettings = Omit<FormRollup, 'target'>;

/** The kind of value a roll-up writes or reads: numbers, or dates (ISO text). */
export type RollupValueKind = 'number' | 'date' | 'date-time';

/** Names of the measures, as HR reads them. */
export const ROLLUP_MEASURE_NAMES: Readonly<Record<RollupMeasure, LocalizedMessage>> = {
  count: { 'zh-CN': '计数（有几条）', en: 'Count (how many)' },
  sum: { 'zh-CN': '求和', en: 'Sum' },
  avg: { 'zh-CN': '平均值', en: 'Average' },
  min: { 'zh-CN': '最小值', en: 'Minimum' },
  max: { 'zh-CN': '最大值', en: 'Maximum' },
  weightedAvg: { 'zh-CN': '加权平均', en: 'Weighted average' },
};

/** A number, date or date-time field outside repeating tables (what the schema lets a roll-up read); undefined otherwise. */
export function rollupValueKind(field: FieldInfo): RollupValueKind | undefined {
  if (field.inTable) return undefined;
  if (field.kind === 'number') return 'number';
  if (field.formulaType === 'date') return field.format === 'date-time' ? 'date-time' : 'date';
  return undefined;
}

/** What a field of this form can hold as a roll-up result (not a choice field: it could not hold every value); undefined when none. */
export function rollupTargetKind(form: Form, path: string): RollupValueKind | undefined {
  const field = fieldIndexOf(form).fields.get(path);
  return field && !field.options ? rollupValueKind(field) : undefined;
}

/** The roll-up that writes the field at `path`, and its index in `rollups`. */
export function rollupOf(form: Form, path: string): { rollup: FormRollup; index: number } | undefined {
  const index = (form.rollups ?? []).findIndex((r) => r.target === path);
  const rollup = form.rollups?.[index];
  return rollup ? { rollup, index } : undefined;
}

/** The record-reference fields of `child` (outside tables) that point at records of the form `formId`. */
export function rollupVias(child: Form, formId: string): FieldInfo[] {
  return [...fieldIndexOf(child).fields.values()].filter(
    (f) => f.kind === 'string' && f.format === 'record' && !f.inTable && f.schema['x-form'] === formId,
  );
}

/** The fields of `child` a measure can combine into a target of that kind (none for `count`). */
export function rollupFields(child: Form, measure: RollupMeasure, target: RollupValueKind): FieldInfo[] {
  if (measure === 'count') return [];
  const wanted = measure === 'min' || measure === 'max' ? target : 'number';
  return [...fieldIndexOf(child).fields.values()].filter((f) => rollupValueKind(f) === wanted);
}

/** The number fields of `child` a weighted average can weigh by. */
export function rollupWeights(child: Form): FieldInfo[] {
  return rollupFields(child, 'sum', 'number');
}

/** Whether a measure can write a target of that kind: counts, sums and averages are numbers; a date takes min or max. */
export function measureFits(measure: RollupMeasure, target: RollupValueKind): boolean {
  return target === 'number' || measure === 'min' || measure === 'max';
}

/** The measures that fit a target of that kind and have something to combine in `child`. */
export function rollupMeasures(child: Form, target: RollupValueKind): RollupMeasure[] {
  return ROLLUP_MEASURES.filter((measure) => {
    if (!measureFits(measure, target)) return false;
    return measure === 'count' || rollupFields(child, measure, target).length > 0;
  });
}

/**
 * The forms a field of `form` can roll up from: those among `forms` with a reference field to it and
 * a measure that fits the field; `form` itself (as edited, for a tree of records) when it points at
 * itself. In the order given, `form` first.
 */
export function rollupSources(form: Form, path: string, forms: readonly Form[]): Form[] {
  const target = rollupTargetKind(form, path);
  if (!target) return [];
  const candidates = [form, ...forms.filter((f) => f.id !== form.id)];
  return candidates.filter(
    (child) => rollupVias(child, form.id).length > 0 && rollupMeasures(child, target).length > 0,
  );
}

/**
 * The roll-up settings after a change made in the panel, made to fit the child form: what is kept
 * still fits it (a reference field that points here, a measure it has fields for, a field and weight
 * of the right kind), and what the measure needs is picked where the choice is gone or missing (the
 * child's field with the target's key, else its first; a weight named `weight`, else the first) and
 * what it does not use is dropped. A first roll-up is an average (of numbers; a latest date for
 * dates), else a count. Another child form keeps the choices that fit it but not the condition (it
 * reads the other form's fields). Undefined when the field cannot roll up from that form.
 */
export function changeRollup(
  form: Form,
  path: string,
  current: RollupSettings | undefined,
  change: Partial<RollupSettings> & { readonly from: string },
  child: Form,
): RollupSettings | undefined {
  const target = rollupTargetKind(form, path);
  if (!target) return undefined;
  const wanted: Partial<RollupSettings> = { ...current, ...change };
  // Anything else a roll-up holds (the condition) reads the child form's fields: kept only with it.
  const {
    from: _from,
    via: _via,
    measure: _measure,
    field: _field,
    weight: _weight,
    ...rest
  } = current?.from === change.from ? wanted : change;
  const via = pick(
    rollupVias(child, form.id).map((f) => f.path),
    wanted.via,
  );
  const measure = pick(rollupMeasures(child, target), wanted.measure, target === 'number' ? 'avg' : 'max');
  if (via === undefined || measure === undefined) return undefined;
  const fields = rollupFields(child, measure, target).map((f) => f.path);
  const field = measure === 'count' ? undefined : pick(fields, wanted.field, keyOf(path));
  const weights = rollupWeights(child).map((f) => f.path);
  const weight = measure === 'weightedAvg' ? pick(weights, wanted.weight, 'weight') : undefined;
  return {
    from: change.from,
    via,
    measure,
    ...(field === undefined ? {} : { field }),
    ...(weight === undefined ? {} : { weight }),
    ...rest,
  };
}

/** `wanted` when it is a choice, else `preferred` when it is one, else the first choice. */
function pick<T>(choices: readonly T[], wanted: T | undefined, preferred?: T): T | undefined {
  if (wanted !== undefined && choices.includes(wanted)) return wanted;
  if (preferred !== undefined && choices.includes(preferred)) return preferred;
  return choices[0];
}
