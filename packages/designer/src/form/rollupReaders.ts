import type { LocalizedMessage } from '@formboard/formula';
import { type DefinitionIssue, type FormRollup, localize, newRollupBreaks } from '@formboard/schema';
import { isUnder, joinPath, splitPath } from './dataPaths.ts';
import { columnLookup, fieldIndexOf } from './formSites.ts';
import type { Form } from './formTree.ts';
import { fieldReferences } from './formulaReferences.ts';

// The other side of roll-ups: the forms that roll up from this one (a key result's objective) read
// its fields — the reference that points at them, the field they combine, the weight, the fields of
// a condition. A form that rolls up from this one must point at it through a record reference of
// this form (`via`, with `x-form` naming the parent), so the parents are found among the forms this
// form's references name: no list of every form is needed, only a lookup by id.

/** What a roll-up of another form reads from this form's field. */
export type RollupRole = 'via' | 'field' | 'weight' | 'where';

/** One use of a field of this form by a roll-up of another form. */
export interface RollupReader {
  /** The form whose field the roll-up fills. */
  readonly parent: Form;
  /** The roll-up's place in `parent.rollups`. */
  readonly index: number;
  readonly rollup: FormRollup;
  readonly role: RollupRole;
  /** The field of this form it reads (formula syntax). */
  readonly path: string;
}

/** A roll-up of another form that a version of this form no longer satisfies, with the problem. */
export interface RollupBreak {
  readonly parent: Form;
  readonly index: number;
  readonly rollup: FormRollup;
  readonly issue: DefinitionIssue;
}

type Lookup = (id: string) => Form | undefined;

/** The other forms with a roll-up from `form`: those its record references (anywhere in it) point at, in order. */
export function rollupParents(forms: Lookup, ...versions: readonly Form[]): Form[] {
  const ids = new Set<string>();
  for (const version of versions)
    for (const field of fieldIndexOf(version).fields.values())
      if (field.format === 'record' && typeof field.schema['x-form'] === 'string')
        ids.add(field.schema['x-form']);
  const parents: Form[] = [];
  for (const id of ids) {
    const parent = versions.some((v) => v.id === id) ? undefined : forms(id);
    if (parent?.rollups?.some((r) => versions.some((v) => v.id === r.from))) parents.push(parent);
  }
  return parents;
}

/** Every field of `form` the roll-ups of other forms read, with which roll-up and how. */
export function rollupReaders(form: Form, forms: Lookup): RollupReader[] {
  const readers: RollupReader[] = [];
  const hasColumn = columnLookup(form);
  for (const parent of rollupParents(forms, form)) {
    (parent.rollups ?? []).forEach((rollup, index) => {
      if (rollup.from !== form.id) return;
      const add = (role: RollupRole, path: string) => readers.push({ parent, index, rollup, role, path });
      if (rollup.via) add('via', rollup.via);
      if (rollup.field !== undefined) add('field', rollup.field);
      if (rollup.weight !== undefined) add('weight', rollup.weight);
      const refs =
        rollup.where === undefined ? [] : (fieldReferences(rollup.where, undefined, hasColumn) ?? []);
      for (const path of new Set(refs.map((ref) => joinPath(ref.path)))) add('where', path);
    });
  }
  return readers;
}

/** The roll-ups of other forms that read the field at `path` (or anything under a group or table). */
export function rollupReadersOf(form: Form, path: string, forms: Lookup): RollupReader[] {
  const field = splitPath(path);
  return rollupReaders(form, forms).filter((reader) => isUnder(splitPath(reader.path), field));
}

/**
 * The roll-ups of other forms that `after` (an edit of `before`) breaks: for each parent form (found
 * through either version's references), the problems of its roll-ups from this form that it has with
 * `after` and did not have with `before` — @formboard/schema's `newRollupBreaks`, the very question
 * the server asks before it refuses to publish such a version while the parent is published.
 */
export function rollupBreaks(before: Form, after: Form, forms: Lookup): RollupBreak[] {
  if (before.data === after.data) return [];
  const breaks: RollupBreak[] = [];
  for (const parent of rollupParents(forms, before, after)) {
    for (const issue of newRollupBreaks(parent, before, after, forms)) {
      const index = Number(issue.pointer.split('/')[2]);
      const rollup = parent.rollups?.[index];
      if (rollup) breaks.push({ parent, index, rollup, issue });
    }
  }
  return breaks;
}

/** "表单“目标”的汇总“进度”" / "the roll-up “Progress” of form “Objective”": names a parent's roll-up. */
export function rollupName(parent: Form, rollup: FormRollup): LocalizedMessage {
  const field = fieldIndexOf(parent).fields.get(rollup.target);
  const name = (locale: 'zh-CN' | 'en') => ({
    form: localize(parent.title, locale) || parent.id,
    field: (field && localize(field.title, locale)) || rollup.target,
  });
  const zh = name('zh-CN');
  const en = name('en');
  return {
    'zh-CN': `表单“${zh.form}”的汇总“${zh.field}”`,
    en: `the roll-up “${en.field}” of form “${en.form}”`,
  };
}
