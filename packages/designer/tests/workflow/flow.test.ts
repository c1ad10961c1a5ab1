import { describe, expect, it } from 'vitest';
import { flowOf, type Workflow } from '../../src/workflow/index.ts';
import { approvalWorkflow, scheduleWorkflow } from './fixtures.ts';

describe('flowOf', () => {
  it('shows an approval with a rejection path as a branch card whose arms meet at their common step', () => {
    const flow = flowOf(approvalWorkflow());
    expect(flow.main.items.map((i) => i.id)).toEqual(['approve', 'done']);
    const [branch] = flow.main.items;
    expect(branch?.kind).toBe('branch');
    if (branch?.kind !== 'branch') return;
    expect(branch.arms.map((a) => a.sequence.items.map((i) => i.id))).toEqual([
      ['activate', 'tellOwner'],
      ['backToDraft'],
    ]);
    expect(branch.arms.map((a) => a.sequence.end.type)).toEqual(['continue', 'continue']);
    expect(flow.order).toEqual(['approve', 'activate', 'tellOwner', 'backToDraft', 'done']);
    expect(flow.loose).toEqual([]);
  });

  it('puts a condition with an empty otherwise arm before its join', () => {
    const flow = flowOf(scheduleWorkflow());
    expect(flow.main.items.map((i) => i.id)).toEqual(['evenWeek', 'done']);
    expect(flow.positions.get('remind')).toMatchObject({ index: 0, arm: { branch: 'evenWeek', index: 0 } });
  });

  it('nests what follows when an arm ends the run (no join)', () => {
    const workflow = approvalWorkflow();
    const steps = workflow.steps.map((s) => (s.id === 'backToDraft' ? { ...s, next: undefined } : s));
    const flow = flowOf({ ...workflow, steps: steps.map((s) => JSON.parse(JSON.stringify(s))) } as Workflow);
    expect(flow.main.items.map((i) => i.id)).toEqual(['approve']);
    expect(flow.positions.get('done')?.arm).toEqual({ branch: 'approve', index: 0 });
  });

  it('ends a sequence that loops back with a goto, and lists unreachable steps as loose', () => {
    const workflow: Workflow = {
      ...approvalWorkflow(),
      steps: [
        ...approvalWorkflow().steps.map((s) => (s.id === 'backToDraft' ? { ...s, next: 'approve' } : s)),
        { id: 'orphan', type: 'end' },
      ],
    };
    const flow = flowOf(workflow);
    expect(flow.positions.get('backToDraft')?.sequence.end).toEqual({ type: 'goto', target: 'approve' });
    expect(flow.loose).toEqual(['orphan']);
  });
});
