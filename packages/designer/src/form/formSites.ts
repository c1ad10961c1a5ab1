import { type FieldIndex, indexFields, tableOf } from '@formboard/schema';
import type { Form } from './formTree.ts';
import type { HasColumn } from './formulaReferences.ts';

// Where a form refers to its fields outside the layout: formulas (rules, computed fields, validations,
// the condition of a roll-up from this form itself) and plain paths (rule, computed and roll-up
// targets, validation paths, custom messages, hidden fields, and a roll-up's child fields when it
// rolls up from this form itself).

/** One formula of a form: its text, the table whose rows it runs for, and its JSON pointer. */
export interface FormulaSite {
  readonly text: string;
  readonly table: string | undefined;
  readonly pointer: string;
}

const indexes = new WeakMap<Form['data'], FieldIndex>();

/** The field index of a form's data schema, made once per data object. */
export function fieldIndexOf(form: Form): FieldIndex {
  let index = indexes.get(form.data);
  if (!index) {
    index = indexFields(form.data);
    indexes.set(form.data, index);
  }
  return index;
}

/** Whether a table has a column of that name, in this form. */
export function columnLookup(form: Form): HasColumn {
  const index = fieldIndexOf(form);
  return (table, name) => index.fields.has(`${table}[].${name}`);
}

const RULE_KEYS = ['visible', 'required', 'readOnly', 'initial'] as const;

/** Every formula of the form. */
export function formulaSites(form: Form): FormulaSite[] {
  const sites: FormulaSite[] = [];
  (form.rules ?? []).forEach((rule, i) => {
    for (const key of RULE_KEYS) {
      const text = rule[key];
      if (text !== undefined)
        sites.push({ text, table: tableOf(rule.target), pointer: `/rules/${i}/${key}` });
    }
  });
  (form.computed ?? []).forEach((entry, i) => {
    sites.push({ text: entry.formula, table: tableOf(entry.target), pointer: `/computed/${i}/formula` });
  });
  (form.validations ?? []).forEach((validation, i) => {
    sites.push({ text: validation.formula, table: undefined, pointer: `/validations/${i}/formula` });
  });
  // Another form's roll-up condition reads that form's fields, not these.
  (form.rollups ?? []).forEach((rollup, i) => {
    if (rollup.where !== undefined && rollup.from === form.id)
      sites.push({ text: rollup.where, table: undefined, pointer: `/rollups/${i}/where` });
  });
  return sites;
}

/** The form with every formula mapped (objects whose formulas did not change are kept). */
export function mapFormulas(form: Form, map: (text: string, table: string | undefined) => string): Form {
  let changed = false;
  const rules = form.rules?.map((rule) => {
    const table = tableOf(rule.target);
    let next = rule;
    for (const key of RULE_KEYS) {
      const text = rule[key];
      if (text === undefined) continue;
      const mapped = map(text, table);
      if (mapped !== text) next = { ...next, [key]: mapped };
    }
    if (next !== rule) changed = true;
    return next;
  });
  const computed = form.computed?.map((entry) => {
    const formula = map(entry.formula, tableOf(entry.target));
    if (formula === entry.formula) return entry;
    changed = true;
    return { ...entry, formula };
  });
  const validations = form.validations?.map((validation) => {
    const formula = map(validation.formula, undefined);
    if (formula === validation.formula) return validation;
    changed = true;
    return { ...validation, formula };
  });
  const rollups = form.rollups?.map((rollup) => {
    if (rollup.where === undefined || rollup.from !== form.id) return rollup;
    const where = map(rollup.where, undefined);
    if (where === rollup.where) return rollup;
    changed = true;
    return { ...rollup, where };
  });
  if (!changed) return form;
  return withOptional(form, { rules, computed, rollups, validations });
}

/**
 * The form with every field path outside formulas and the layout mapped: `map` answers the new path,
 * or undefined to keep it. Paths mapped to '' are removed (a deleted field's rules, messages, roll-up…);
 * a roll-up from this form itself keeps a removed child field (`via`, `field`, `weight`), which is then
 * reported as unknown rather than silently changed.
 */
export function mapPaths(form: Form, map: (path: string) => string | undefined): Form {
  let changed = false;
  const next = (path: string): string => {
    const mapped = map(path);
    if (mapped === undefined || mapped === path) return path;
    changed = true;
    return mapped;
  };
  const rules = form.rules?.map((rule) => ({ rule, target: next(rule.target) }));
  const computed = form.computed?.map((entry) => ({ entry, target: next(entry.target) }));
  const rollups = form.rollups?.map((rollup) => mapRollup(rollup, form.id, next));
  const validations = form.validations?.map((validation) => {
    const paths = validation.paths?.map(next).filter((p) => p !== '');
    return { validation, paths };
  });
  const messages =
    form.messages && Object.entries(form.messages).map(([path, m]) => [next(path), m] as const);
  const hidden =
    form.access?.hiddenFields &&
    Object.entries(form.access.hiddenFields).map(
      ([role, paths]) => [role, paths.map(next).filter((p) => p !== '')] as const,
    );
  if (!changed) return form;
  const access = form.access && {
    ...form.access,
    ...(hidden ? { hiddenFields: Object.fromEntries(hidden) } : {}),
  };
  return withOptional(form, {
    rules: rules
      ?.filter((r) => r.target !== '')
      .map((r) => (r.target === r.rule.target ? r.rule : { ...r.rule, target: r.target })),
    computed: computed
      ?.filter((c) => c.target !== '')
      .map((c) => (c.target === c.entry.target ? c.entry : { ...c.entry, target: c.target })),
    rollups: rollups?.filter((r) => r.target !== ''),
    validations: validations?.map(({ validation, paths }) => {
      if (paths === undefined || sameList(paths, validation.paths ?? [])) return validation;
      if (paths.length > 0) return { ...validation, paths };
      const { paths: _dropped, ...rest } = validation;
      return rest;
    }),
    messages: messages && Object.fromEntries(messages.filter(([path]) => path !== '')),
    access,
  });
}

type Rollup = NonNullable<Form['rollups']>[number];

/** The fields of a roll-up that name fields of its child form. */
export const ROLLUP_CHILD_PATHS = ['via', 'field', 'weight'] as const;

/** A roll-up with its target mapped, and its child's paths too when the child is this form. */
function mapRollup(rollup: Rollup, formId: string, next: (path: string) => string): Rollup {
  const target = next(rollup.target);
  let mapped: Rollup = target === rollup.target ? rollup : { ...rollup, target };
  if (rollup.from !== formId) return mapped;
  for (const key of ROLLUP_CHILD_PATHS) {
    const path = rollup[key];
    const renamed = path === undefined ? '' : next(path);
    if (path !== undefined && renamed !== '' && renamed !== path) mapped = { ...mapped, [key]: renamed };
  }
  return mapped;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The form with optional sections replaced: an empty list or map is left out, as a designer that
 * removed the last rule should not leave `rules: []` behind.
 */
export function withOptional(form: Form, parts: { readonly [K in Optional]?: Form[K] | undefined }): Form {
  const next: Record<string, unknown> = { ...form };
  for (const [key, value] of Object.entries(parts)) {
    const empty =
      value === undefined ||
      (Array.isArray(value) && value.length === 0) ||
      (key === 'messages' && Object.keys(value as object).length === 0);
    if (empty) delete next[key];
    else next[key] = value;
  }
  return next as Form;
}

type Optional = 'rules' | 'computed' | 'rollups' | 'validations' | 'messages' | 'access';
