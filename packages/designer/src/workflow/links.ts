import type { Step, Workflow } from './workflowTypes.ts';

// Steps form a graph by id (`next`, a condition's branches and `otherwise`, an approval's onApprove
// and onReject). The designer edits that graph through *links*: a link is one of those properties (or
// the workflow's `start`), and every structural command is "point these links at that step".

/** One link: `start`, or a property of a step that names the step that follows. */
export type LinkRef =
  | { readonly step: null }
  | {
      readonly step: string;
      /** `next`, `otherwise`, `onApprove`, `onReject`, or the index of a condition's branch. */
      readonly key: 'next' | 'otherwise' | 'onApprove' | 'onReject' | number;
    };

/** The workflow's start link. */
export const START: LinkRef = { step: null };

/**
 * Whether a step shows as a branch card with arms side by side: a condition, or an approval that has
 * a path for rejections. An approval without one continues with `onApprove` like any step (a
 * rejection then ends the run).
 */
export function isBranching(step: Step): boolean {
  return step.type === 'condition' || (step.type === 'approval' && step.onReject !== undefined);
}

/** The link a non-branching step continues by (`next`, or an approval's `onApprove`); none for `end`. */
export function continuation(step: Step): LinkRef | undefined {
  if (step.type === 'end' || step.type === 'condition') return undefined;
  return { step: step.id, key: step.type === 'approval' ? 'onApprove' : 'next' };
}

/** The arm links of a branching step, in display order (branches then otherwise; approved then rejected). */
export function armLinks(step: Step): LinkRef[] {
  if (step.type === 'condition') {
    return [
      ...step.branches.map((_, i) => ({ step: step.id, key: i }) as const),
      { step: step.id, key: 'otherwise' },
    ];
  }
  if (step.type === 'approval') {
    return [
      { step: step.id, key: 'onApprove' },
      { step: step.id, key: 'onReject' },
    ];
  }
  return [];
}

/** Every link going out of a step. */
export function linksOf(step: Step): LinkRef[] {
  if (isBranching(step)) return armLinks(step);
  const own = continuation(step);
  return own ? [own] : [];
}

/** The step id a link names (undefined: the run ends there). */
export function targetOf(workflow: Workflow, link: LinkRef): string | undefined {
  // An empty start (every step removed from the flow) names no step.
  if (link.step === null) return workflow.start === '' ? undefined : workflow.start;
  const step = workflow.steps.find((s) => s.id === link.step);
  if (!step) return undefined;
  return readLink(step, link.key);
}

function readLink(step: Step, key: Exclude<LinkRef, { step: null }>['key']): string | undefined {
  if (typeof key === 'number') return step.type === 'condition' ? step.branches[key]?.next : undefined;
  return (step as Partial<Record<typeof key, string>>)[key];
}

/** Whether two links are the same property. */
export function sameLink(a: LinkRef, b: LinkRef): boolean {
  if (a.step === null || b.step === null) return a.step === b.step;
  return a.step === b.step && a.key === b.key;
}

/** A step with one link pointing elsewhere (removed when `target` is undefined); the same object when unchanged. */
function withLink(
  step: Step,
  key: Exclude<LinkRef, { step: null }>['key'],
  target: string | undefined,
): Step {
  if (readLink(step, key) === target) return step;
  if (typeof key === 'number') {
    if (step.type !== 'condition' || target === undefined) return step;
    return { ...step, branches: step.branches.map((b, i) => (i === key ? { ...b, next: target } : b)) };
  }
  const next = { ...step } as Record<string, unknown>;
  if (target === undefined) delete next[key];
  else next[key] = target;
  return next as Step;
}

/**
 * Points links at `target` (undefined: the run ends there). A condition's branch must name a step, so
 * when it would point nowhere it gets an `end` step (made with `endId`) instead.
 */
export function setLinks(
  workflow: Workflow,
  links: readonly LinkRef[],
  target: string | undefined,
  endId: () => string,
): Workflow {
  if (links.length === 0) return workflow;
  let end: string | undefined;
  const needsEnd = target === undefined && links.some((l) => l.step !== null && typeof l.key === 'number');
  if (needsEnd) end = endId();
  let start = workflow.start;
  const byStep = new Map<string, (typeof links)[number][]>();
  for (const link of links) {
    if (link.step === null) start = target ?? '';
    else byStep.set(link.step, [...(byStep.get(link.step) ?? []), link]);
  }
  let changed = start !== workflow.start;
  const steps = workflow.steps.map((step) => {
    const own = byStep.get(step.id);
    if (!own) return step;
    let next = step;
    for (const link of own) {
      if (link.step === null) continue;
      next = withLink(next, link.key, typeof link.key === 'number' ? (target ?? end) : target);
    }
    if (next !== step) changed = true;
    return next;
  });
  if (end !== undefined) {
    steps.push({ type: 'end', id: end, title: { 'zh-CN': '结束', en: 'End' } });
    changed = true;
  }
  return changed ? { ...workflow, start, steps } : workflow;
}

/** Every link in the workflow (start and each step's) that names one of `ids`. */
export function linksInto(
  workflow: Workflow,
  ids: ReadonlySet<string>,
  except?: ReadonlySet<string>,
): LinkRef[] {
  const found: LinkRef[] = [];
  if (ids.has(workflow.start)) found.push(START);
  for (const step of workflow.steps) {
    if (except?.has(step.id)) continue;
    for (const link of allLinks(step)) {
      const target = targetOf1(step, link);
      if (target !== undefined && ids.has(target)) found.push(link);
    }
  }
  return found;
}

/** Every link property a step has (set or not). */
function allLinks(step: Step): LinkRef[] {
  if (step.type === 'condition' || step.type === 'approval') return armLinks(step);
  return linksOf(step);
}

function targetOf1(step: Step, link: LinkRef): string | undefined {
  return link.step === null ? undefined : readLink(step, link.key);
}
