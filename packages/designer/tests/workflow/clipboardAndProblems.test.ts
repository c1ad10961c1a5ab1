import { describe, expect, it } from 'vitest';
import { TRIGGER_ID } from '../../src/workflow/index.ts';
import { stepById } from '../../src/workflow/workflowTypes.ts';
import { approvalWorkflow, cardIds, createTestWorkflowDesigner, wf } from './fixtures.ts';

describe('clipboard', () => {
  it('duplicates a step after itself with a new id', () => {
    const designer = createTestWorkflowDesigner();
    designer.select(['tellOwner']);
    expect(designer.duplicate()).toEqual({ ok: true });
    const [copy] = designer.getState().selection;
    expect(copy).toBe('notify_a0001');
    expect(stepById(wf(designer), 'tellOwner')).toMatchObject({ next: copy });
    expect(stepById(wf(designer), copy as string)).toMatchObject({ type: 'notify', next: 'done' });
    expect(designer.toDefinition().ok).toBe(true);
  });

  it('copies a branch card with its arms into another workflow as text', () => {
    const source = createTestWorkflowDesigner();
    source.select(['approve', 'activate']);
    const text = source.copy();
    expect(text).toBeDefined();
    const target = createTestWorkflowDesigner();
    target.select(['done']); // nothing can follow an end step: the copy goes first
    expect(target.paste(text)).toEqual({ ok: true });
    const pasted = wf(target).start;
    expect(pasted).toBe('approval_a0001');
    expect(stepById(wf(target), pasted)).toMatchObject({ onApprove: 'updateRecord_a0002' });
    expect(target.toDefinition().ok).toBe(true);
    expect(cardIds(target)).toEqual(['approval_a0001', 'approve', 'done']);
  });

  it('refuses text that is not workflow steps', () => {
    const designer = createTestWorkflowDesigner();
    expect(
      designer.paste(
        '{"format":"formboard/clipboard","version":1,"kind":"workflow","payload":{"fragment":{"kind":"form"},"entries":["x"]}}',
      ).ok,
    ).toBe(false);
    expect(designer.paste('hello').ok).toBe(false);
  });

  it('keeps the trigger selectable but never removes it', () => {
    const designer = createTestWorkflowDesigner();
    designer.select([TRIGGER_ID]);
    expect(designer.getState().selection).toEqual([TRIGGER_ID]);
    expect(designer.removeSelection()).toEqual({ ok: true });
    expect(wf(designer).trigger.type).toBe('record');
  });
});

describe('problems', () => {
  it('links each problem to its step or the trigger card', () => {
    const designer = createTestWorkflowDesigner();
    designer.setStepProperty('tellOwner', 'message', '{{titel}}');
    designer.setTriggerProperty('condition', 'status = ');
    const result = designer.toDefinition();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const linked = result.problems.map((p) => [p.stepId, p.code]);
    expect(linked).toContainEqual(['tellOwner', 'workflow.unknownPlaceholder']);
    expect(linked.some(([id, code]) => id === TRIGGER_ID && String(code).startsWith('formula.'))).toBe(true);
    // Schema problems come first (meaning checks run on schema-valid definitions only).
    designer.addStep('updateRecord', { after: 'activate' });
    const empty = designer.toDefinition();
    expect(!empty.ok && empty.problems.map((p) => [p.stepId, p.code])).toEqual([
      ['updateRecord_a0001', 'schema.minItems'],
    ]);
  });

  it('checks fields against the forms: a supervisor of a field that is not a user field', () => {
    const designer = createTestWorkflowDesigner(approvalWorkflow());
    designer.setStepProperty('approve', 'assignees', [{ type: 'supervisor', of: 'title', levels: 2 }]);
    const result = designer.toDefinition();
    expect(!result.ok && result.problems.map((p) => [p.stepId, p.code])).toEqual([
      ['approve', 'workflow.notAUserField'],
    ]);
  });
});
