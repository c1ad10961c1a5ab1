import type { FormDefinition } from '../schemas/formDefinition.ts';
import type { DefinitionIssue } from '../validate/issues.ts';
import { validateDefinition } from '../validate/validateDefinition.ts';

// A roll-up reads another form's fields (its reference, the field it combines, the weight, the fields
// of its condition). When a new version of that other form no longer has what the roll-up reads, the
// roll-up breaks. The designer warns before such an edit and the store refuses to publish such a
// version; both ask the questions below, so they cannot disagree about what breaks.

/** Looks up another form by id (its published version, or the version being edited). */
export type FormLookup = (id: string) => FormDefinition | undefined;

/** The `from` of the roll-up an issue points into (`/rollups/<n>…`), if it points into one. */
export function rollupSourceOf(form: FormDefinition, issue: DefinitionIssue): string | undefined {
  const match = /^\/rollups\/(\d+)(\/|$)/.exec(issue.pointer);
  return match ? form.rollups?.[Number(match[1])]?.from : undefined;
}

/**
 * The problems at `form`'s roll-ups that read another form — only those reading `from` when given —
 * with the other forms found through `lookup` (their conditions' formula problems included).
 */
export function rollupProblems(form: FormDefinition, lookup: FormLookup, from?: string): DefinitionIssue[] {
  const result = validateDefinition(form, { form: lookup });
  if (result.ok) return [];
  return result.issues.filter((issue) => {
    const source = rollupSourceOf(form, issue);
    return source !== undefined && source !== form.id && (from === undefined || source === from);
  });
}

/** The issues of `issues` that `before` does not have (the same code at the same pointer). */
export function newProblems(
  issues: readonly DefinitionIssue[],
  before: readonly DefinitionIssue[],
): DefinitionIssue[] {
  const known = new Set(before.map((issue) => `${issue.pointer}\n${issue.code}`));
  return issues.filter((issue) => !known.has(`${issue.pointer}\n${issue.code}`));
}

/**
 * What a new version of a form breaks of `parent`'s roll-ups from it: the problems of those roll-ups
 * with `after` as the form they read that they did not have with `before` (none before when there is
 * no `before`: a first version). Other forms come from `lookup`. Old breakage is not counted, so it
 * does not hold up unrelated changes.
 */
export function newRollupBreaks(
  parent: FormDefinition,
  before: FormDefinition | undefined,
  after: FormDefinition,
  lookup: FormLookup,
): DefinitionIssue[] {
  const against = (child: FormDefinition) =>
    rollupProblems(parent, (id) => (id === child.id ? child : lookup(id)), after.id);
  return newProblems(against(after), before ? against(before) : []);
}
