import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_TYPES, type Workflow, type WorkflowDesignerStore } from '../../src/workflow/index.ts';
import { approvalWorkflow, createTestWorkflowDesigner, scheduleWorkflow, wf } from './fixtures.ts';

// Random edit sequences on two workflows (renames among them). Every applied command must undo to the exact earlier
// definition (the same object, never mutated) and redo to the exact later one.

type Op =
  | { op: 'add'; type: number; place: number; anchor: number; arm: number }
  | { op: 'move'; step: number; place: number; anchor: number; arm: number }
  | { op: 'moveBy'; step: number; up: boolean }
  | { op: 'remove'; step: number }
  | { op: 'arm'; step: number; add: boolean; arm: number }
  | { op: 'set'; step: number; key: string; value: unknown }
  | { op: 'trigger'; key: string; value: unknown }
  | { op: 'duplicate'; step: number }
  | { op: 'rename'; step: number; id: string };

const nat = fc.nat({ max: 1000 });
const SETTINGS: readonly [string, fc.Arbitrary<unknown>][] = [
  ['title', fc.string({ maxLength: 4 })],
  ['mode', fc.constantFrom('all', 'any')],
  ['due', fc.constantFrom('P1D', 'PT4H', undefined)],
  [
    'assignees',
    fc.constantFrom([{ type: 'submitter' }], [{ type: 'supervisor', of: 'submitter', levels: 2 }]),
  ],
  ['message', fc.string({ maxLength: 6 })],
  ['channel', fc.constantFrom('inbox', 'wecom')],
  ['branches.0.when', fc.constantFrom('TRUE', 'progress > 50')],
];
const TRIGGER: readonly [string, fc.Arbitrary<unknown>][] = [
  ['condition', fc.constantFrom('status = "draft"', undefined)],
  ['events', fc.constantFrom(['created'], ['updated', 'deleted'])],
  ['cron', fc.constantFrom('0 9 * * 1', '0 8 1 * *')],
];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('add' as const), type: nat, place: nat, anchor: nat, arm: fc.nat({ max: 2 }) }),
  fc.record({
    op: fc.constant('move' as const),
    step: nat,
    place: nat,
    anchor: nat,
    arm: fc.nat({ max: 2 }),
  }),
  fc.record({ op: fc.constant('moveBy' as const), step: nat, up: fc.boolean() }),
  fc.record({ op: fc.constant('remove' as const), step: nat }),
  fc.record({ op: fc.constant('arm' as const), step: nat, add: fc.boolean(), arm: fc.nat({ max: 2 }) }),
  fc.integer({ min: 0, max: SETTINGS.length - 1 }).chain((i) => {
    const [key, value] = SETTINGS[i] as [string, fc.Arbitrary<unknown>];
    return fc.record({ op: fc.constant('set' as const), step: nat, key: fc.constant(key), value });
  }),
  fc.integer({ min: 0, max: TRIGGER.length - 1 }).chain((i) => {
    const [key, value] = TRIGGER[i] as [string, fc.Arbitrary<unknown>];
    return fc.record({ op: fc.constant('trigger' as const), key: fc.constant(key), value });
  }),
  fc.record({ op: fc.constant('duplicate' as const), step: nat }),
  fc.record({
    op: fc.constant('rename' as const),
    step: nat,
    id: fc.constantFrom('review', 'done', 'approve', 'remind', 'constructor', '1x', 'step_2', 'a-b', ''),
  }),
);

const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(list.length, 1)];

function apply(designer: WorkflowDesignerStore, op: Op): void {
  const ids = wf(designer).steps.map((s) => s.id);
  const placeOf = (kind: number, anchor: number, arm: number) => {
    const id = pick(ids, anchor) ?? '';
    return kind % 3 === 0 ? { start: true as const } : kind % 3 === 1 ? { after: id } : { branch: id, arm };
  };
  switch (op.op) {
    case 'add':
      designer.addStep(pick(STEP_TYPES, op.type) ?? 'notify', placeOf(op.place, op.anchor, op.arm));
      return;
    case 'move':
      designer.moveStep(pick(ids, op.step) ?? '', placeOf(op.place, op.anchor, op.arm));
      return;
    case 'moveBy':
      designer.moveStepBy(pick(ids, op.step) ?? '', op.up ? 'up' : 'down');
      return;
    case 'remove':
      designer.removeSteps([pick(ids, op.step) ?? '']);
      return;
    case 'arm':
      if (op.add) designer.addArm(pick(ids, op.step) ?? '');
      else designer.removeArm(pick(ids, op.step) ?? '', op.arm);
      return;
    case 'set':
      designer.setStepProperty(pick(ids, op.step) ?? '', op.key, op.value);
      return;
    case 'trigger':
      designer.setTriggerProperty(op.key, op.value);
      return;
    case 'duplicate':
      designer.select([pick(ids, op.step) ?? '']);
      designer.duplicate();
      return;
    case 'rename':
      designer.renameStep(pick(ids, op.step) ?? '', op.id);
      return;
  }
}

/** Every link names an existing step (structural commands keep the graph whole); `start` may be empty. */
function linksResolve(workflow: Workflow): boolean {
  const ids = new Set(workflow.steps.map((s) => s.id));
  const named = workflow.steps.flatMap((s) => {
    if (s.type === 'condition') return [...s.branches.map((b) => b.next), s.otherwise];
    if (s.type === 'approval') return [s.onApprove, s.onReject];
    if (s.type === 'end') return [];
    return [s.next];
  });
  return (
    named.every((id) => id === undefined || ids.has(id)) && (workflow.start === '' || ids.has(workflow.start))
  );
}

describe('workflow designer undo (property)', () => {
  it('every command undoes to the exact earlier definition and redoes to the later one', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(opArb, { minLength: 1, maxLength: 25 }), (schedule, ops) => {
        const designer = createTestWorkflowDesigner(schedule ? scheduleWorkflow() : approvalWorkflow());
        const versions: Workflow[] = [wf(designer)];
        const snapshots: string[] = [JSON.stringify(wf(designer))];
        for (const op of ops) {
          apply(designer, op);
          designer.checkpoint();
          const now = wf(designer);
          if (now !== versions[versions.length - 1]) {
            versions.push(now);
            snapshots.push(JSON.stringify(now));
          }
          expect(linksResolve(now)).toBe(true);
          // Renames never give two steps one id.
          expect(new Set(now.steps.map((s) => s.id)).size).toBe(now.steps.length);
        }
        // Nothing was mutated, then undo walks back through the very same objects.
        for (const [i, v] of versions.entries()) expect(JSON.stringify(v)).toBe(snapshots[i]);
        for (let i = versions.length - 2; i >= 0; i--) {
          expect(designer.undo()).toBe(true);
          expect(wf(designer)).toBe(versions[i]);
        }
        expect(designer.undo()).toBe(false);
        for (let i = 1; i < versions.length; i++) {
          expect(designer.redo()).toBe(true);
          expect(wf(designer)).toBe(versions[i]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
