import { evaluate, prepareFormula, toJSONValue } from '@formboard/formula';
import type { WorkflowDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { fill } from './support/engine.ts';
import { readPackJson } from './support/pack.ts';

const workflow = readPackJson('workflows/kr-follows-check-in.json') as WorkflowDefinition;
const [step] = workflow.steps;

/** A workflow formula's value as the engine computes it: run's record as data, `$` variables by root. */
function valueAt(source: string, data: Record<string, unknown>, variables: Record<string, unknown>): unknown {
  const prepared = prepareFormula(source, {
    variables: { $old: 'any', $event: 'any', $streak: 'any', $run: 'any', $alert: 'any', $target: 'any' },
  });
  if (!prepared.ok) throw new Error(prepared.issues[0]?.messages.en);
  return toJSONValue(evaluate(prepared.compiled, { data, variables, timeZone: 'Asia/Shanghai' }));
}

/** The key result's new values for a check-in, as the workflow's update step sets them. */
function update(checkIn: Record<string, unknown>, target: Record<string, unknown>): Record<string, unknown> {
  if (step?.type !== 'updateRecord') throw new Error('the first step is not an update');
  return Object.fromEntries(step.set.map((s) => [s.field, valueAt(s.formula, checkIn, { target })]));
}

describe('key results follow their check-ins', () => {
  const keyResult = {
    direction: 'decreaseTo',
    baseline: 21,
    target: 12,
    current: 19.4,
    lastCheckIn: '2026-09-07',
  };

  it('updates the check-in’s key result, on a new check-in or a corrected one', () => {
    expect(step).toMatchObject({ type: 'updateRecord', record: 'keyResult' });
    if (workflow.trigger.type !== 'record') throw new Error('not a record trigger');
    const when = workflow.trigger.condition ?? '';
    const checkIn = { keyResult: 'kr-1', week: '2026-09-14', value: 17 };
    expect(valueAt(when, checkIn, { event: 'created', old: {} })).toBe(true);
    expect(valueAt(when, checkIn, { event: 'updated', old: { ...checkIn, value: 18 } })).toBe(true);
    expect(valueAt(when, checkIn, { event: 'updated', old: { ...checkIn, blockers: 'x' } })).toBe(false);
  });

  it('takes this week’s value and week, and the key result’s progress follows', () => {
    const next = update({ week: '2026-09-14', value: 16.5 }, keyResult);
    expect(next).toEqual({ current: 16.5, lastCheckIn: '2026-09-14' });
    // Decrease 21 → 12, now 16.5: (16.5 − 21) / (12 − 21) = 0.5.
    expect(fill('key-result', { ...keyResult, ...next }).getValue('progress')).toBe(0.5);
  });

  it('keeps a newer value when a late check-in for an earlier week comes in', () => {
    expect(update({ week: '2026-08-31', value: 20 }, keyResult)).toEqual({
      current: 19.4,
      lastCheckIn: '2026-09-07',
    });
    expect(update({ week: '2026-08-31', value: 20 }, { ...keyResult, lastCheckIn: undefined })).toEqual({
      current: 20,
      lastCheckIn: '2026-08-31',
    });
  });
});
