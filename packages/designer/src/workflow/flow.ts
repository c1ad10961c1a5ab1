import { armLinks, continuation, isBranching, type LinkRef, linksOf, targetOf } from './links.ts';
import type { Step, Workflow } from './workflowTypes.ts';

// The designer shows the step graph as a vertical flow: a sequence of cards from `start`, a branch
// card (a condition, or an approval with a rejection path) with one arm per branch side by side, and
// after it the step where the arms meet again (the *join*: the first step every arm reaches). Links
// that lead back to a step already shown (a loop, a jump) end their sequence as "go to …".

/** How a sequence of cards ends. */
export type FlowEnd =
  /** It goes on at the step after its branch card (the join). */
  | { readonly type: 'continue' }
  /** The run ends here (nothing follows, or an `end` step). */
  | { readonly type: 'stop' }
  /** It jumps to a step shown elsewhere (a loop back, or a step the flow placed before). */
  | { readonly type: 'goto'; readonly target: string };

/** One card of a sequence: a step, or a branch card with its arms. */
export type FlowItem =
  | { readonly kind: 'step'; readonly id: string }
  | { readonly kind: 'branch'; readonly id: string; readonly arms: readonly FlowArm[] };

/** One arm of a branch card: the link that enters it and its cards. */
export interface FlowArm {
  readonly link: LinkRef;
  readonly sequence: FlowSequence;
}

/** Cards one below the other. */
export interface FlowSequence {
  readonly items: readonly FlowItem[];
  readonly end: FlowEnd;
}

/** Where a step's card is: its sequence, position, and the branch arm holding that sequence. */
export interface FlowPosition {
  readonly sequence: FlowSequence;
  readonly index: number;
  /** The branch card and arm the sequence is in; undefined for the main sequence. */
  readonly arm?: { readonly branch: string; readonly index: number };
}

/** The flow of a workflow. */
export interface Flow {
  readonly main: FlowSequence;
  /** Steps not reached from `start`, in definition order (the problems list says so too). */
  readonly loose: readonly string[];
  readonly positions: ReadonlyMap<string, FlowPosition>;
  /** Every step id in the order the cards are shown (depth first: a branch's arms before its join). */
  readonly order: readonly string[];
}

const cache = new WeakMap<Workflow, Flow>();

/** The flow of a workflow (cached per definition object). */
export function flowOf(workflow: Workflow): Flow {
  let flow = cache.get(workflow);
  if (!flow) {
    flow = buildFlow(workflow);
    cache.set(workflow, flow);
  }
  return flow;
}

function buildFlow(workflow: Workflow): Flow {
  const byId = new Map<string, Step>();
  for (const step of workflow.steps) if (!byId.has(step.id)) byId.set(step.id, step);
  const successors = (id: string): string[] => {
    const step = byId.get(id);
    if (!step) return [];
    return linksOf(step).flatMap((link) => targetOf(workflow, link) ?? []);
  };
  const positions = new Map<string, FlowPosition>();
  const order: string[] = [];

  const walk = (
    from: string | undefined,
    stops: ReadonlySet<string>,
    arm: FlowPosition['arm'],
  ): FlowSequence => {
    const items: FlowItem[] = [];
    const sequence = { items, end: { type: 'stop' } as FlowEnd };
    const place = (id: string) => {
      positions.set(id, arm ? { sequence, index: items.length, arm } : { sequence, index: items.length });
      order.push(id);
    };
    let current = from;
    for (;;) {
      if (current === undefined) break;
      if (stops.has(current)) {
        sequence.end = { type: 'continue' };
        break;
      }
      const step = byId.get(current);
      if (!step || positions.has(current)) {
        sequence.end = { type: 'goto', target: current };
        break;
      }
      place(current);
      if (!isBranching(step)) {
        items.push({ kind: 'step', id: step.id });
        const next = continuation(step);
        current = next ? targetOf(workflow, next) : undefined;
        continue;
      }
      const targets = armLinks(step).map((link) => targetOf(workflow, link));
      const join = joinOf(targets, successors);
      const inner = join === undefined ? stops : new Set([...stops, join]);
      const arms = armLinks(step).map((link, index) => ({
        link,
        sequence: walk(targets[index], inner, { branch: step.id, index }),
      }));
      items.push({ kind: 'branch', id: step.id, arms });
      current = join;
    }
    return sequence;
  };

  const main = walk(workflow.start, new Set(), undefined);
  const loose = workflow.steps.map((s) => s.id).filter((id) => !positions.has(id));
  return { main, loose, positions, order };
}

/** Shortest distances from a step to every step it reaches (itself at 0). */
function distancesFrom(start: string, successors: (id: string) => string[]): Map<string, number> {
  const distance = new Map([[start, 0]]);
  const queue = [start];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    const d = distance.get(id) ?? 0;
    for (const next of successors(id)) {
      if (distance.has(next)) continue;
      distance.set(next, d + 1);
      queue.push(next);
    }
  }
  return distance;
}

/**
 * Where the arms meet again: among the steps every arm reaches, the one that reaches all the others
 * (else the nearest). None when an arm ends the run.
 */
export function joinOf(
  targets: readonly (string | undefined)[],
  successors: (id: string) => string[],
): string | undefined {
  if (targets.length === 0 || targets.some((t) => t === undefined)) return undefined;
  const reached = (targets as string[]).map((t) => distancesFrom(t, successors));
  const [first, ...others] = reached;
  if (!first) return undefined;
  const common = [...first.keys()].filter((id) => others.every((r) => r.has(id)));
  if (common.length === 0) return undefined;
  const cost = (id: string) => reached.reduce((sum, r) => sum + (r.get(id) ?? 0), 0);
  const byCost = [...common].sort((a, b) => cost(a) - cost(b));
  const dominant = byCost.find((id) => {
    const from = distancesFrom(id, successors);
    return common.every((other) => from.has(other));
  });
  return dominant ?? byCost[0];
}

/** The links by which the run leaves a branch card's arms for what follows it (its join, or the end). */
export function exitsOf(workflow: Workflow, item: Extract<FlowItem, { kind: 'branch' }>): LinkRef[] {
  return item.arms.flatMap((arm) => sequenceExits(workflow, arm.sequence, arm.link));
}

function sequenceExits(workflow: Workflow, sequence: FlowSequence, entry: LinkRef): LinkRef[] {
  if (sequence.end.type === 'goto') return [];
  const last = sequence.items[sequence.items.length - 1];
  if (!last) return [entry];
  if (last.kind === 'branch') return exitsOf(workflow, last);
  const step = workflow.steps.find((s) => s.id === last.id);
  const own = step ? continuation(step) : undefined;
  return own ? [own] : [];
}

/** The steps a card stands for: the step, and for a branch card every step shown in its arms. */
export function regionOf(flow: Flow, id: string): string[] {
  const position = flow.positions.get(id);
  const item = position?.sequence.items[position.index];
  if (!item) return [id];
  const ids: string[] = [];
  const visit = (it: FlowItem) => {
    ids.push(it.id);
    if (it.kind === 'branch') for (const arm of it.arms) for (const inner of arm.sequence.items) visit(inner);
  };
  visit(item);
  return ids;
}

/** The flow item (card) of a step, when it is shown. */
export function itemOf(flow: Flow, id: string): FlowItem | undefined {
  const position = flow.positions.get(id);
  return position?.sequence.items[position.index];
}
