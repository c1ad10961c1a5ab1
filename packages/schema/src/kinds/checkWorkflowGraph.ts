import { suggest } from '@formboard/formula';
import type { WorkflowStep } from '../schemas/workflowSteps.ts';
import type { Report } from '../validate/issues.ts';

/** A link from a step to the step that may follow it, with the pointer of the id that names it. */
export interface StepLink {
  readonly target: string;
  readonly pointer: string;
}

/** Every step a step can lead to: `next`, condition branches and `otherwise`, onApprove and onReject. */
export function stepLinks(step: WorkflowStep, at: string): StepLink[] {
  const links: StepLink[] = [];
  const add = (target: string | undefined, key: string): void => {
    if (target !== undefined) links.push({ target, pointer: `${at}/${key}` });
  };
  switch (step.type) {
    case 'condition':
      step.branches.forEach((branch, j) => {
        add(branch.next, `branches/${j}/next`);
      });
      add(step.otherwise, 'otherwise');
      return links;
    case 'approval':
      add(step.onApprove, 'onApprove');
      add(step.onReject, 'onReject');
      return links;
    case 'end':
      return links;
    default:
      add(step.next, 'next');
      return links;
  }
}

/**
 * Checks the step graph: ids unique, `start` and every link name a step, every step reachable from
 * `start`, and every loop passes through an approval or a wait (else a run would spin forever).
 */
export function checkStepGraph(steps: readonly WorkflowStep[], start: string, report: Report): void {
  const indexById = new Map<string, number>();
  steps.forEach((step, i) => {
    if (indexById.has(step.id)) {
      report(
        `/steps/${i}/id`,
        'workflow.duplicateStepId',
        { 'zh-CN': `步骤 id ${step.id} 重复`, en: `the step id ${step.id} is used twice` },
        step.id,
      );
    } else indexById.set(step.id, i);
  });

  const unknown = (target: string, at: string): void => {
    const guess = suggest(target, indexById.keys());
    report(
      at,
      'workflow.unknownStep',
      {
        'zh-CN': `没有 id 为 ${target} 的步骤${guess ? `，是否想用 ${guess}？` : ''}`,
        en: `there is no step ${target}${guess ? ` — did you mean ${guess}?` : ''}`,
      },
      target,
    );
  };
  if (!indexById.has(start)) unknown(start, '/start');

  const edges: number[][] = steps.map((step, i) =>
    stepLinks(step, `/steps/${i}`).flatMap(({ target, pointer }) => {
      const j = indexById.get(target);
      if (j === undefined) unknown(target, pointer);
      return j === undefined ? [] : [j];
    }),
  );

  const first = indexById.get(start);
  if (first !== undefined) reportUnreachable(steps, edges, first, indexById, report);
  reportLoopsWithoutPause(steps, edges, report);
}

function reportUnreachable(
  steps: readonly WorkflowStep[],
  edges: readonly number[][],
  first: number,
  indexById: ReadonlyMap<string, number>,
  report: Report,
): void {
  const reached = new Set([first]);
  const queue = [first];
  for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
    for (const j of edges[i] ?? []) {
      if (!reached.has(j)) {
        reached.add(j);
        queue.push(j);
      }
    }
  }
  steps.forEach((step, i) => {
    // A second step with a taken id is reported as a duplicate, not also as unreachable.
    if (reached.has(i) || indexById.get(step.id) !== i) return;
    report(
      `/steps/${i}/id`,
      'workflow.unreachableStep',
      {
        'zh-CN': `步骤 ${step.id} 从起始步骤无法到达`,
        en: `the step ${step.id} cannot be reached from the start step`,
      },
      step.id,
    );
  });
}

/** Strongly connected components (Tarjan), each as a list of step indexes. */
function components(edges: readonly number[][]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const stack: number[] = [];
  const onStack = new Set<number>();
  const found: number[][] = [];
  const visit = (v: number): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of edges[v] ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component: number[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    found.push(component);
  };
  edges.forEach((_, v) => {
    if (!index.has(v)) visit(v);
  });
  return found;
}

function reportLoopsWithoutPause(
  steps: readonly WorkflowStep[],
  edges: readonly number[][],
  report: Report,
): void {
  for (const component of components(edges)) {
    const only = component[0] ?? 0;
    const isLoop = component.length > 1 || (edges[only] ?? []).includes(only);
    if (!isLoop) continue;
    if (component.some((i) => steps[i]?.type === 'approval' || steps[i]?.type === 'wait')) continue;
    const ordered = [...component].sort((a, b) => a - b);
    const ids = ordered.map((i) => steps[i]?.id ?? '');
    report(
      `/steps/${ordered[0] ?? 0}/id`,
      'workflow.loopWithoutPause',
      {
        'zh-CN': `步骤 ${ids.join('、')} 构成循环，但循环中没有审批或等待步骤，流程会无休止地运行`,
        en: `the steps ${ids.join(', ')} form a loop with no approval or wait step, so a run would never end`,
      },
      ids,
    );
  }
}
