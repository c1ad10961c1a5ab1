import { evaluate, prepareFormula, toJSONValue } from '@formboard/formula';
import {
  type FormDefinition,
  type FormRollup,
  rollupValue,
  type WorkflowDefinition,
} from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { fill } from './support/engine.ts';
import { loadForm, loadForms, readPackJson } from './support/pack.ts';
import { readSampleRows } from './support/sampleData.ts';

const objectiveForm = loadForm('objective');
const [progressRollup] = objectiveForm.rollups ?? [];
const workflow = readPackJson('workflows/kr-follows-check-in.json') as WorkflowDefinition;

/** The key result's new values for a check-in, as the workflow's update step sets them. */
function afterCheckIn(checkIn: Record<string, unknown>, keyResult: Record<string, unknown>) {
  const [step] = workflow.steps;
  if (step?.type !== 'updateRecord') throw new Error('the first step is not an update');
  const set = step.set.map((s) => {
    const prepared = prepareFormula(s.formula, { variables: { $target: 'any' } });
    if (!prepared.ok) throw new Error(prepared.issues[0]?.messages.en);
    const value = evaluate(prepared.compiled, {
      data: checkIn,
      variables: { target: keyResult },
      timeZone: 'Asia/Shanghai',
    });
    return [s.field, toJSONValue(value)];
  });
  return { ...keyResult, ...Object.fromEntries(set) };
}

/** A key result as the server stores it: its computed fields filled by the form's formulas. */
const keyResult = (values: Record<string, unknown>) =>
  fill('key-result', values).getValue() as Record<string, unknown>;

/** The objective's progress as the server rolls it up from these key results. */
const progressOf = (keyResults: readonly Record<string, unknown>[]) =>
  rollupValue(progressRollup as FormRollup, keyResults);

describe('objective progress, rolled up from the key results', () => {
  it('is the weight-weighted average of its key results’ progress, kept by the server', () => {
    expect(objectiveForm.rollups).toEqual([
      {
        target: 'progress',
        from: 'key-result',
        via: 'objective',
        measure: 'weightedAvg',
        field: 'progress',
        weight: 'weight',
      },
    ]);
    // The form shows it read-only: nobody types it in.
    expect(fill('objective', { progress: 0.5 }).getFieldState('progress').readOnly).toBe(true);
  });

  it('follows a check-in: check-in → key result’s current value → its progress → the objective', () => {
    // 需求确认周期 21 → 12 days (weight 30) and 新品上市周期 147 → 112 days (weight 70).
    const requirement = keyResult({
      objective: 'obj-1',
      direction: 'decreaseTo',
      baseline: 21,
      target: 12,
      current: 19.2,
      weight: 30,
      lastCheckIn: '2026-09-07',
    });
    const launch = keyResult({
      objective: 'obj-1',
      direction: 'decreaseTo',
      baseline: 147,
      target: 112,
      current: 133,
      weight: 70,
    });
    // (21 − 19.2) / 9 = 0.2 and 14 / 35 = 0.4: 0.3 × 0.2 + 0.7 × 0.4 = 0.34.
    expect(progressOf([requirement, launch])).toBeCloseTo(0.34, 12);
    const checkIn = { keyResult: 'kr-1', week: '2026-09-14', value: 16.5 };
    const moved = keyResult(afterCheckIn(checkIn, requirement));
    expect(moved).toMatchObject({ current: 16.5, lastCheckIn: '2026-09-14', progress: 0.5 });
    // 0.3 × 0.5 + 0.7 × 0.4 = 0.43; on 2026-09-18 a company objective of Q3 should be at 0.87.
    const progress = progressOf([moved, launch]);
    expect(progress).toBeCloseTo(0.43, 12);
    const objective = fill('objective', {
      title: 'O',
      cycle: '2026-Q3',
      level: 'company',
      owner: 'u-1',
      status: 'active',
      startDate: '2026-07-01',
      dueDate: '2026-09-30',
      progress,
    });
    expect(objective.getValue('health')).toBe('offTrack');
  });

  it('is exactly what the sample objectives hold, by the very function the server uses', () => {
    const forms = loadForms();
    const keyResults = readSampleRows(forms.get('key-result') as FormDefinition).rows;
    const objectives = readSampleRows(forms.get('objective') as FormDefinition).rows;
    const byObjective = new Map<string, Record<string, unknown>[]>();
    for (const row of keyResults) {
      const key = String(row.record.objective);
      byObjective.set(key, [...(byObjective.get(key) ?? []), row.record]);
    }
    const wrong = objectives.filter((o) => o.record.progress !== progressOf(byObjective.get(o.key) ?? []));
    expect(wrong.map((o) => o.key)).toEqual([]);
    expect(objectives.every((o) => typeof o.record.progress === 'number')).toBe(true);
  });
});
