import { pointer } from '@formboard/schema';
import { isUnder, splitPath } from './dataPaths.ts';
import { columnLookup, formulaSites, ROLLUP_CHILD_PATHS } from './formSites.ts';
import { boundPath, type Form, indexLayout } from './formTree.ts';
import { fieldReferences } from './formulaReferences.ts';
import { type RollupReader, rollupReadersOf } from './rollupReaders.ts';

/** Where a form uses a field (or anything under a group or table), by JSON pointer. */
export interface FieldUses {
  /** Formulas that read it, or that do not parse and mention its key (so cannot be ruled out). */
  readonly formulas: readonly string[];
  /**
   * Rules, computed fields, roll-ups (as their target; as their reference, field or weight when they
   * roll up from this form itself), validations, messages and hidden-field lists naming it.
   */
  readonly paths: readonly string[];
  /** Layout nodes bound to it. */
  readonly nodes: readonly string[];
  /** Roll-ups of other forms that read it (its reference, field, weight, condition); none without `forms`. */
  readonly rollups: readonly RollupReader[];
}

/** Whether the text holds `word` as a whole name (for formulas that do not parse). */
export function mentions(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_$])${escaped}($|[^\\p{L}\\p{N}_])`, 'u').test(text);
}

/**
 * Every use of the field at `path` (formula syntax: `kpis[].weight`); with `forms` (the other forms by
 * id) also the roll-ups of the forms that roll up from this one.
 */
export function usesOf(form: Form, path: string, forms?: (id: string) => Form | undefined): FieldUses {
  const field = splitPath(path);
  const key = field[field.length - 1]?.key ?? path;
  const hasColumn = columnLookup(form);
  const formulas: string[] = [];
  for (const site of formulaSites(form)) {
    const refs = fieldReferences(site.text, site.table, hasColumn);
    const uses = refs ? refs.some((ref) => isUnder(ref.path, field)) : mentions(site.text, key);
    if (uses) formulas.push(site.pointer);
  }
  const under = (p: string) => isUnder(splitPath(p), field);
  const paths: string[] = [];
  (form.rules ?? []).forEach((rule, i) => {
    if (under(rule.target)) paths.push(`/rules/${i}/target`);
  });
  (form.computed ?? []).forEach((entry, i) => {
    if (under(entry.target)) paths.push(`/computed/${i}/target`);
  });
  (form.rollups ?? []).forEach((rollup, i) => {
    if (under(rollup.target)) paths.push(`/rollups/${i}/target`);
    if (rollup.from !== form.id) return;
    for (const key of ROLLUP_CHILD_PATHS) {
      const child = rollup[key];
      if (child !== undefined && under(child)) paths.push(`/rollups/${i}/${key}`);
    }
  });
  (form.validations ?? []).forEach((validation, i) => {
    validation.paths?.forEach((p, j) => {
      if (under(p)) paths.push(`/validations/${i}/paths/${j}`);
    });
  });
  for (const p of Object.keys(form.messages ?? {})) if (under(p)) paths.push(pointer('messages', p));
  for (const [role, list] of Object.entries(form.access?.hiddenFields ?? {})) {
    list.forEach((p, j) => {
      if (under(p)) paths.push(`/access/hiddenFields/${role}/${j}`);
    });
  }
  const nodes = indexLayout(form.layout).order.filter((id) => {
    const bound = boundPath(form, id);
    return bound !== undefined && under(bound);
  });
  return { formulas, paths, nodes, rollups: forms ? rollupReadersOf(form, path, forms) : [] };
}
