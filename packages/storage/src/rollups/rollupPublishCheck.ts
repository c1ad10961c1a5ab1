import type { LocalizedMessage } from '@formboard/formula';
import {
  type DefinitionIssue,
  type FormDefinition,
  localize,
  newProblems,
  newRollupBreaks,
  pointer,
  rollupProblems,
  rollupSourceOf,
} from '@formboard/schema';
import type { Dialect } from '../dialect/Dialect.ts';
import { StoreError } from '../errors.ts';
import type { CompiledForms } from '../records/CompiledForms.ts';

// A roll-up reads another form's fields (its reference, the field it combines, the weight, the
// fields of its condition). Publishing a version of either form that no longer fits the other's
// published version would make every write recompute the roll-up from nothing — blanks and zeros
// written into the parent's records — so the publication is refused, naming the roll-up and the
// missing field. Only new breakage is refused: what the previously published version already broke
// (a store from before this check) does not hold up unrelated changes. What breaks is worked out by
// @formboard/schema (`newRollupBreaks`, `rollupProblems`), which the designer's warnings use too.

/** One roll-up a publication would break. */
export interface RollupBreak {
  /** The form whose roll-up breaks (the parent: its records receive the value). */
  readonly formId: string;
  /** The roll-up's place in that form's `rollups`, and the field it fills. */
  readonly rollup: number;
  readonly target: string;
  /** The form it reads (the child). */
  readonly from: string;
  /** What is wrong, as validation says it, at its JSON pointer in the parent's definition (`/rollups/0/field`). */
  readonly code: string;
  readonly pointer: string;
  readonly message: LocalizedMessage;
  /** The child's field that is missing or does not fit, and its JSON pointer in the child's definition. */
  readonly field?: string;
  readonly fieldPointer?: string;
}

/** Publishing would break roll-ups of published forms (409): nothing was written. */
export class RollupBreakError extends StoreError {
  readonly breaks: readonly RollupBreak[];
  constructor(breaks: readonly RollupBreak[], names: ReadonlyMap<string, FormDefinition>) {
    const first = breaks[0];
    const more = breaks.length - 1;
    const id = first?.formId ?? '';
    const parent = names.get(id);
    const name = (locale: 'zh-CN' | 'en') => {
      const title = parent ? localize(parent.title, locale) : '';
      if (!title || title === id) return id;
      return locale === 'zh-CN' ? `“${title}”（${id}）` : `"${title}" (${id})`;
    };
    const at = first?.fieldPointer;
    super('conflict', {
      'zh-CN': `发布会使表单${name('zh-CN')}的汇总字段 ${first?.target ?? ''} 失效：${first?.message['zh-CN'] ?? ''}${at ? `（${at}）` : ''}${more > 0 ? `（另有 ${more} 处）` : ''}。请先改好那个汇总，或保留这个字段。`,
      en: `publishing would break the roll-up field ${first?.target ?? ''} of form ${name('en')}: ${first?.message.en ?? ''}${at ? ` (${at})` : ''}${more > 0 ? ` (and ${more} more)` : ''}. Fix that roll-up first, or keep the field.`,
    });
    this.name = 'RollupBreakError';
    this.breaks = breaks;
  }
}

type PublishedRow = { id: string; version: number };

/**
 * Refuses (RollupBreakError) to publish `next` (a form; `previous` its version published until now,
 * if any) when it breaks a roll-up: one of another published form that reads it, or one of its own
 * that reads a published form. Runs in the publishing transaction, which already marks `next`'s
 * version published.
 */
export async function checkRollupsOnPublish(
  tx: Dialect,
  forms: CompiledForms,
  previous: FormDefinition | undefined,
  next: FormDefinition,
): Promise<void> {
  const rows = await tx.query<PublishedRow>(
    "SELECT id, published_version AS version FROM definitions WHERE kind = 'form' AND state = 'published' AND id <> ? ORDER BY id",
    [next.id],
  );
  const published = new Map<string, FormDefinition>();
  for (const row of rows) published.set(row.id, await forms.definition(tx, row.id, Number(row.version)));
  const readers = [...published.values()].filter((f) => f.rollups?.some((r) => r.from === next.id));
  const reads = next.rollups?.some((r) => r.from !== next.id && published.has(r.from));
  if (readers.length === 0 && !reads) return;
  const breaks: RollupBreak[] = [];
  const lookup = (id: string) => published.get(id);
  // The other forms' roll-ups from this one, against this version (and the one before).
  for (const parent of readers)
    breaks.push(...asBreaks(parent, next, newRollupBreaks(parent, previous, next, lookup)));
  // Its own roll-ups from other published forms (an unpublished one is checked when it is published).
  if (reads) {
    const own = (form: FormDefinition) =>
      connected(rollupProblems(form, lookup).filter((i) => published.has(rollupSourceOf(form, i) ?? '')));
    const issues = newProblems(own(next), previous ? own(previous) : []);
    for (const b of asBreaks(next, undefined, issues))
      breaks.push({ ...b, ...childField(published.get(b.from), b.field) });
  }
  if (breaks.length > 0) throw new RollupBreakError(breaks, new Map([...published, [next.id, next]]));
}

/**
 * `issues` without those of roll-ups whose reference does not point at their form: such a roll-up
 * reads no records, so it can write nothing wrong. A copy of a form (HR cloning the starter objective
 * form) keeps roll-ups whose child records still point at the original; the copy must publish, and the
 * designer shows the roll-up's problem in its panel until a child form points at the copy.
 */
function connected(issues: readonly DefinitionIssue[]): DefinitionIssue[] {
  const rollupOf = (issue: DefinitionIssue) => issue.pointer.split('/')[2];
  const unconnected = new Set(issues.filter((i) => i.code === 'rollup.viaNotReference').map(rollupOf));
  return issues.filter((issue) => !unconnected.has(rollupOf(issue)));
}

/** New problems at `parent`'s roll-ups as breaks (`child`: the form they read, when it is being published). */
function asBreaks(
  parent: FormDefinition,
  child: FormDefinition | undefined,
  issues: readonly DefinitionIssue[],
): RollupBreak[] {
  const breaks: RollupBreak[] = [];
  for (const issue of issues) {
    const index = Number(issue.pointer.split('/')[2]);
    const rollup = parent.rollups?.[index];
    if (!rollup) continue;
    const field = fieldOf(rollup, issue);
    breaks.push({
      formId: parent.id,
      rollup: index,
      target: rollup.target,
      from: rollup.from,
      code: issue.code,
      pointer: issue.pointer,
      message: issue.message,
      ...(field === undefined ? {} : { field }),
      ...(child ? childField(child, field) : {}),
    });
  }
  return breaks;
}

/** The child field an issue is about: the roll-up's `via`, `field` or `weight` it points at (none for the condition, the target or a cycle). */
function fieldOf(
  rollup: NonNullable<FormDefinition['rollups']>[number],
  issue: DefinitionIssue,
): string | undefined {
  const key = issue.pointer.split('/')[3];
  return key === 'via' || key === 'field' || key === 'weight' ? rollup[key] : undefined;
}

/** Where the field is (or would be) in the child's definition: `/data/properties/progress`. */
function childField(
  child: FormDefinition | undefined,
  field: string | undefined,
): { field?: string; fieldPointer?: string } {
  if (field === undefined || !child) return {};
  const segments = field.split('.').flatMap((part) => {
    const each = part.endsWith('[]');
    const key = each ? part.slice(0, -2) : part;
    return each ? ['properties', key, 'items'] : ['properties', key];
  });
  return { field, fieldPointer: pointer('data', ...segments) };
}
