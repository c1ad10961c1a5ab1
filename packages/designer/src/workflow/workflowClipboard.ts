import { validateAs, workflowKind } from '@formboard/schema';
import { type Command, isRefused, refuse } from '../core/Command.ts';
import type { DocumentAdapter } from '../core/DocumentAdapter.ts';
import { listAt, listIndexAt } from './commands/addStep.ts';
import { removeSteps } from './commands/removeSteps.ts';
import { flowOf, regionOf } from './flow.ts';
import { type LinkRef, linksOf, setLinks, targetOf } from './links.ts';
import { stepIdMaker } from './newStep.ts';
import { linksAt, type StepPlace, targetAt } from './places.ts';
import { type Step, stepById, TRIGGER_ID, type Workflow } from './workflowTypes.ts';

// Copied steps travel as a small workflow of their own (with the ids of the cards' first steps), so
// pasting text from anywhere (the system clipboard) is checked by the workflow schema first. Each copied card is a *unit*: its step, and for
// a branch card the steps in its arms, links between them kept. Links that left the unit are
// pointed, on paste, at the step that follows the place the unit lands.

/** The fragment's id and title: it is never saved. */
const FRAGMENT_ID = 'clipboard';

/** Copied cards: a workflow holding their steps, and the first step of each card in order. */
export interface StepsFragment {
  readonly fragment: Workflow;
  readonly entries: readonly string[];
}

/** Copies of the selected cards (units one after the other); undefined without steps. */
export function copySteps(workflow: Workflow, ids: readonly string[]): StepsFragment | undefined {
  const flow = flowOf(workflow);
  const chosen = new Set(ids.filter((id) => id !== TRIGGER_ID && stepById(workflow, id)));
  const covered = new Set<string>();
  const units: string[][] = [];
  for (const id of flow.order
    .filter((s) => chosen.has(s))
    .concat([...chosen].filter((s) => !flow.positions.has(s)))) {
    if (covered.has(id)) continue;
    const region = flow.positions.has(id) ? regionOf(flow, id) : [id];
    for (const member of region) covered.add(member);
    units.push(region);
  }
  const first = units[0]?.[0];
  if (first === undefined) return undefined;
  const steps = units.flat().map((id) => stepById(workflow, id) as Step);
  const fragment: Workflow = {
    kind: 'workflow',
    id: FRAGMENT_ID,
    schemaVersion: workflow.schemaVersion,
    title: FRAGMENT_ID,
    trigger: workflow.trigger,
    start: first,
    steps,
  };
  return { fragment, entries: units.map((unit) => unit[0] as string) };
}

/** Whether a value is a workflow fragment the schema accepts (its meaning is checked where it lands). */
function readFragment(payload: unknown): { steps: readonly Step[]; entries: string[] } | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const { fragment, entries } = payload as { fragment?: unknown; entries?: unknown };
  const checked = validateAs(workflowKind, fragment);
  // Only the meaning checks may object (they depend on the workflow the steps land in).
  const meaningOnly = (code: string) => code.startsWith('workflow.') || code.startsWith('formula.');
  const schemaOk = checked.ok || checked.issues.every((issue) => meaningOnly(issue.code));
  const value = fragment as Workflow;
  if (!schemaOk || value.kind !== 'workflow' || !Array.isArray(entries)) return undefined;
  const known = entries.filter((id): id is string => value.steps.some((s) => s.id === id));
  return known.length === 0 ? undefined : { steps: value.steps, entries: known };
}

/** Pastes copied cards after the primary selection (else at the start), with new step ids. */
export function pasteSteps(payload: unknown, nextId: () => string): Command<Workflow> {
  return {
    label: { 'zh-CN': '粘贴', en: 'Paste' },
    run(workflow, selection) {
      const fragment = readFragment(payload);
      if (!fragment)
        return refuse('剪贴板内容不是有效的流程步骤', 'the clipboard does not hold valid workflow steps');
      const newId = stepIdMaker(workflow, nextId);
      const fresh = new Map(fragment.steps.map((s) => [s.id, newId(s.type)]));
      const anchor = [...selection].reverse().find((id) => id !== TRIGGER_ID && stepById(workflow, id));
      let place: StepPlace = anchor === undefined ? { start: true } : { after: anchor };
      let document = workflow;
      const pasted: string[] = [];
      const unitOf = unitsOf(fragment.steps, fragment.entries);
      for (const entry of fragment.entries) {
        let links = linksAt(document, place);
        // After an end step (or a branch whose arms all end) nothing would run: paste at the start.
        if (isRefused(links)) {
          place = { start: true };
          links = linksAt(document, place);
        }
        if (isRefused(links)) return links;
        const target = targetAt(document, links);
        const members = unitOf.get(entry) ?? [];
        const outside: LinkRef[] = [];
        const copies = members.map((old) => renamed(old, fresh, members, outside));
        const listed = { ...document, steps: listAt(document.steps, listIndexAt(document, place), copies) };
        const entered = setLinks(listed, links, fresh.get(entry) as string, () => newId('end'));
        document = setLinks(entered, outside, target, () => newId('end'));
        pasted.push(fresh.get(entry) as string);
        place = { after: fresh.get(entry) as string };
      }
      return { document, selection: pasted };
    },
  };
}

/** The steps of each unit of a fragment: from its entry, every step reached without entering another unit. */
function unitsOf(steps: readonly Step[], entries: readonly string[]): Map<string, Step[]> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const fragment = { start: entries[0] ?? '', steps } as Workflow;
  const owner = new Map<string, string>();
  const units = new Map<string, Step[]>();
  for (const entry of entries) {
    const members: Step[] = [];
    const queue = [entry];
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      const step = byId.get(id);
      if (!step || owner.has(id) || (id !== entry && entries.includes(id))) continue;
      owner.set(id, entry);
      members.push(step);
      for (const link of linksOf(step)) {
        const target = targetOf(fragment, link);
        if (target !== undefined) queue.push(target);
      }
    }
    units.set(entry, members);
  }
  return units;
}

/** A copy of a step with its new id, links inside the unit renamed and links out of it collected in `outside`. */
function renamed(
  step: Step,
  fresh: ReadonlyMap<string, string>,
  members: readonly Step[],
  outside: LinkRef[],
): Step {
  const id = fresh.get(step.id) as string;
  const inUnit = new Set(members.map((m) => m.id));
  const map = (target: string | undefined, key: Exclude<LinkRef, { step: null }>['key']) => {
    if (target === undefined) return undefined;
    if (inUnit.has(target)) return fresh.get(target);
    outside.push({ step: id, key });
    return target;
  };
  switch (step.type) {
    case 'condition': {
      const otherwise = map(step.otherwise, 'otherwise');
      const branches = step.branches.map((b, i) => ({ ...b, next: map(b.next, i) ?? b.next }));
      return otherwise === undefined ? { ...step, id, branches } : { ...step, id, branches, otherwise };
    }
    case 'approval': {
      const { onApprove, onReject, ...rest } = step;
      const approve = map(onApprove, 'onApprove');
      const reject = map(onReject, 'onReject');
      return {
        ...rest,
        id,
        ...(approve === undefined ? {} : { onApprove: approve }),
        ...(reject === undefined ? {} : { onReject: reject }),
      };
    }
    case 'end':
      return { ...step, id };
    default: {
      const { next, ...rest } = step;
      const to = map(next, 'next');
      return { ...rest, id, ...(to === undefined ? {} : { next: to }) } as Step;
    }
  }
}

/** The workflow kind of the generic document store: the trigger and steps selectable; steps copied, pasted, removed. */
export function workflowAdapter(nextId: () => string): DocumentAdapter<Workflow> {
  return {
    kind: 'workflow',
    has: (workflow, id) => id === TRIGGER_ID || stepById(workflow, id) !== undefined,
    copy: (workflow, ids) => copySteps(workflow, ids),
    paste: (payload) => pasteSteps(payload, nextId),
    remove: (ids) =>
      removeSteps(
        ids.filter((id) => id !== TRIGGER_ID),
        nextId,
      ),
  };
}
