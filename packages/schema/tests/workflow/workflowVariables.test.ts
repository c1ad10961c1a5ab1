import { describe, expect, it } from 'vitest';
import { FORMULA_VARIABLES } from '../../src/kinds/checkFormula.ts';
import { recordValueVariables, workflowVariables } from '../../src/workflow/workflowVariables.ts';

const fieldTypes = {
  title: 'string',
  progress: 'number',
  'owner.name': 'string',
  kpis: 'any',
  'kpis[].weight': 'number',
} as const;

describe('recordValueVariables', () => {
  it('names every field outside repeating tables under the root, with its type', () => {
    expect(recordValueVariables('$old', fieldTypes)).toEqual({
      '$old.title': 'string',
      '$old.progress': 'number',
      '$old.owner.name': 'string',
      '$old.kpis': 'any',
    });
  });

  it('registers the root alone when the form is unknown', () => {
    expect(recordValueVariables('$target', undefined)).toEqual({ $target: 'any' });
    expect(recordValueVariables('$target', {})).toEqual({});
  });
});

describe('workflowVariables', () => {
  it('gives a record run the definition variables, $run and $event; $old only in the trigger condition', () => {
    const steps = workflowVariables({ type: 'record' }, fieldTypes);
    expect(steps).toEqual({
      ...FORMULA_VARIABLES,
      '$run.id': 'string',
      '$run.startedAt': 'date',
      $event: 'string',
    });
    const condition = workflowVariables({ type: 'record' }, fieldTypes, true);
    expect(condition).toMatchObject({ ...steps, '$old.progress': 'number' });
    expect(condition).not.toHaveProperty(['$old.kpis[].weight']);
    expect(workflowVariables({ type: 'record' }, undefined, true)).toMatchObject({ $old: 'any' });
  });

  it('gives a metric streak $run and $streak, a schedule $run only', () => {
    // The names the engine writes into a fired streak's run context (`variables.streak`).
    const written = ['value', 'baseline', 'values', 'periods', 'periodStart', 'periodEnd'];
    const streak = workflowVariables({ type: 'metricStreak' }, fieldTypes, true);
    expect(Object.keys(streak)).toEqual(['$run.id', '$run.startedAt', ...written.map((n) => `$streak.${n}`)]);
    expect(streak).toMatchObject({ '$streak.values': 'number[]', '$streak.periodEnd': 'date' });
    expect(workflowVariables({ type: 'schedule' }, fieldTypes)).toEqual({
      '$run.id': 'string',
      '$run.startedAt': 'date',
    });
  });

  it('returns a fresh object each call, so callers may add to it', () => {
    const first = workflowVariables({ type: 'schedule' }, undefined);
    first.$extra = 'number';
    expect(workflowVariables({ type: 'schedule' }, undefined)).not.toHaveProperty('$extra');
  });
});
