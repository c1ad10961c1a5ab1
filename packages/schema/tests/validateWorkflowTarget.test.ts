import { describe, expect, it } from 'vitest';
import type { ValidationContext } from '../src/kinds/DefinitionKind.ts';
import { workflowKind } from '../src/kinds/workflowKind.ts';
import type { FormDefinition } from '../src/schemas/formDefinition.ts';
import { validateAs } from '../src/validate/validateDefinition.ts';

// Only `data` matters to workflow checks: they index the forms' fields.
const form = (properties: Record<string, unknown>) =>
  ({ data: { type: 'object', properties } }) as FormDefinition;
const checkIn = form({
  keyResult: { type: 'string', format: 'record', 'x-form': 'kr' },
  owner: { type: 'string', format: 'user' },
  value: { type: 'number' },
  week: { type: 'string', format: 'date' },
});
const kr = form({ current: { type: 'number' }, lastCheckIn: { type: 'string', format: 'date' } });
const context: ValidationContext = { form: (id) => ({ 'check-in': checkIn, kr })[id] };

/** A check-in workflow with one update step, `step` merged in. */
function workflow(step: Record<string, unknown>): unknown {
  return {
    kind: 'workflow',
    id: 'kr-follows',
    schemaVersion: 1,
    title: 'KR follows',
    trigger: { type: 'record', form: 'check-in', events: ['created'] },
    start: 'update',
    steps: [
      {
        id: 'update',
        type: 'updateRecord',
        record: 'keyResult',
        set: [
          { field: 'current', formula: 'value' },
          { field: 'lastCheckIn', formula: 'IF($target.lastCheckIn > week, $target.lastCheckIn, week)' },
        ],
        ...step,
      },
    ],
  };
}

function codes(json: unknown, with_: ValidationContext = context): [string, string][] {
  const result = validateAs(workflowKind, json, with_);
  return result.ok ? [] : result.issues.map((i) => [i.pointer, i.code]);
}

describe('workflows: updating a referenced record', () => {
  it('writes the referenced form’s fields from the run’s record and $target', () => {
    expect(codes(workflow({}))).toEqual([]);
    expect(codes(workflow({}), {})).toEqual([]);
  });

  it('names fields of the referenced form, not of the run’s record', () => {
    expect(codes(workflow({ set: [{ field: 'value', formula: '1' }] }))).toEqual([
      ['/steps/0/set/0/field', 'workflow.unknownField'],
    ]);
    expect(codes(workflow({ set: [{ field: 'current', formula: '$target.curent' }] }))).toEqual([
      ['/steps/0/set/0/formula', 'formula.unknownField'],
    ]);
  });

  it('needs a record-reference field of the run’s record', () => {
    expect(codes(workflow({ record: 'owner' }))).toEqual([['/steps/0/record', 'workflow.notARecordField']]);
    expect(codes(workflow({ record: 'nope' }))).toEqual([['/steps/0/record', 'workflow.unknownField']]);
  });

  it('offers $target only where a referenced record is updated', () => {
    expect(
      codes(workflow({ record: undefined, set: [{ field: 'value', formula: '$target.current' }] })),
    ).toEqual([['/steps/0/set/0/formula', 'formula.unknownVariable']]);
  });
});
