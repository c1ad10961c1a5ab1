import { describe, expect, it } from 'vitest';
import {
  dropPlaces,
  flowPlaces,
  moveStep,
  placeKey,
  placeOfKey,
  stepIdProblem,
} from '../../src/workflow/index.ts';
import { stepById } from '../../src/workflow/workflowTypes.ts';
import { countingIds } from '../fixtures.ts';
import { approvalWorkflow, createTestWorkflowDesigner, scheduleWorkflow, wf } from './fixtures.ts';

describe('renameStep', () => {
  it('renames a step with start and every link naming it, as one undoable command', () => {
    const designer = createTestWorkflowDesigner();
    const before = wf(designer);
    designer.select(['done']);
    expect(designer.renameStep('done', 'finish')).toEqual({ ok: true });
    const after = wf(designer);
    expect(after.steps.map((s) => s.id)).toEqual([
      'approve',
      'activate',
      'tellOwner',
      'backToDraft',
      'finish',
    ]);
    expect(stepById(after, 'tellOwner')).toMatchObject({ next: 'finish' });
    expect(stepById(after, 'backToDraft')).toMatchObject({ next: 'finish' });
    expect(designer.getState().selection).toEqual(['finish']);
    // Steps that do not name it are the very same objects.
    expect(stepById(after, 'approve')).toBe(stepById(before, 'approve'));
    designer.renameStep('approve', 'supervisorCheck');
    expect(wf(designer).start).toBe('supervisorCheck');
    expect(designer.toDefinition().ok).toBe(true);
    expect(designer.undo()).toBe(true);
    expect(wf(designer)).toBe(after);
    expect(designer.undo()).toBe(true);
    expect(wf(designer)).toBe(before);
    expect(designer.getState().selection).toEqual(['done']);
  });

  it('renames the steps a condition branches to, its otherwise and an approval’s two paths', () => {
    const designer = createTestWorkflowDesigner(scheduleWorkflow());
    designer.renameStep('remind', 'remindManagers');
    designer.renameStep('done', 'stop');
    expect(stepById(wf(designer), 'evenWeek')).toMatchObject({
      branches: [{ next: 'remindManagers' }],
      otherwise: 'stop',
    });
    const approval = createTestWorkflowDesigner();
    approval.renameStep('activate', 'activateIt');
    approval.renameStep('backToDraft', 'draftAgain');
    expect(stepById(wf(approval), 'approve')).toMatchObject({
      onApprove: 'activateIt',
      onReject: 'draftAgain',
    });
  });

  it('refuses an empty, malformed, reserved or taken id, and leaves the same id as it is', () => {
    const designer = createTestWorkflowDesigner();
    const before = wf(designer);
    const refusals = ['', '1st', 'has space', 'a:b', 'x'.repeat(65), 'constructor', 'activate'].map((id) => {
      const result = designer.renameStep('approve', id);
      return result.ok ? 'ok' : result.reason.en;
    });
    expect(refusals).toEqual([
      'the step id cannot be empty',
      'the step id 1st must start with a letter and hold only letters, digits, _ and - (64 at most)',
      'the step id has space must start with a letter and hold only letters, digits, _ and - (64 at most)',
      'the step id a:b must start with a letter and hold only letters, digits, _ and - (64 at most)',
      `the step id ${'x'.repeat(65)} must start with a letter and hold only letters, digits, _ and - (64 at most)`,
      'constructor is reserved and cannot be a step id',
      'the step id activate is already used',
    ]);
    expect(designer.renameStep('approve', 'approve')).toEqual({ ok: true });
    expect(designer.renameStep('nope', 'fine')).toMatchObject({ ok: false });
    expect(wf(designer)).toBe(before);
    expect(designer.getState().past?.size ?? 0).toBe(0);
    expect(stepIdProblem('a-b_2', before)).toBeUndefined();
    expect(stepIdProblem('activate', before, 'activate')).toBeUndefined();
  });
});

describe('drop places', () => {
  it('names places by text and reads them back', () => {
    for (const place of [{ start: true as const }, { after: 'a-b_1' }, { branch: 'check', arm: 2 }])
      expect(placeOfKey(placeKey(place))).toEqual(place);
    for (const text of ['', 'arm:x', 'arm:x:-1', 'arm:x:1.5', 'after:', 'after:a:b', 'later:x'])
      expect(placeOfKey(text)).toBeUndefined();
  });

  it('are the flow’s "+" places, in page order', () => {
    expect(flowPlaces(approvalWorkflow()).map(placeKey)).toEqual([
      'start',
      'arm:approve:0',
      'after:activate',
      'after:tellOwner',
      'arm:approve:1',
      'after:backToDraft',
      'after:approve',
    ]);
  });

  it('leave out the card’s own place, its own arms and places after it; each other one moves it', () => {
    const workflow = approvalWorkflow();
    expect(dropPlaces(workflow, 'tellOwner').map(placeKey)).toEqual([
      'start',
      'arm:approve:0',
      'arm:approve:1',
      'after:backToDraft',
      'after:approve',
    ]);
    // A branch card never goes into its own arms.
    expect(dropPlaces(workflow, 'approve').map(placeKey)).toEqual([]);
    expect(dropPlaces(workflow, 'done')).toEqual([]);
    for (const place of dropPlaces(workflow, 'tellOwner')) {
      const moved = moveStep('tellOwner', place, countingIds()).run(workflow, []);
      expect('document' in moved && moved.document !== workflow, placeKey(place)).toBe(true);
    }
  });

  it('let a step go into a condition’s other arm, or after the branch card where both arms meet', () => {
    const designer = createTestWorkflowDesigner(scheduleWorkflow());
    expect(dropPlaces(wf(designer), 'remind').map(placeKey)).toEqual([
      'start',
      'arm:evenWeek:1',
      'after:evenWeek',
    ]);
    designer.moveStep('remind', { branch: 'evenWeek', arm: 1 });
    expect(stepById(wf(designer), 'evenWeek')).toMatchObject({ otherwise: 'remind' });
    expect(dropPlaces(wf(designer), 'remind').map(placeKey)).toEqual([
      'start',
      'arm:evenWeek:0',
      'after:evenWeek',
    ]);
  });
});
