import { readFileSync } from 'node:fs';
import type { FormDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { createFormEngine } from '../src/index.ts';

const objective = JSON.parse(
  readFileSync(new URL('../../schema/fixtures/rollups/form-okr-objective.json', import.meta.url), 'utf8'),
) as FormDefinition;

describe('roll-up fields', () => {
  it('are read-only and show the value the server rolled up', () => {
    const form = createFormEngine(objective, { value: { title: '交付准时', progress: 0.8, keyResults: 2 } });
    for (const path of ['progress', 'keyResults', 'lastCheckIn', 'aligned'])
      expect(form.getFieldState(path).readOnly, path).toBe(true);
    expect(form.getFieldState('title').readOnly).toBe(false);
    expect(form.getValue('progress')).toBe(0.8);
    // Formulas read them like any other field.
    expect(form.getValue('health')).toBe('onTrack');
  });
});
