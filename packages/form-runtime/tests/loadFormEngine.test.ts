import type { FormDefinition } from '@formboard/schema';
import { describe, expect, it } from 'vitest';
import { createFormEngine, type FormEngine, loadFormEngine } from '../src/index.ts';
import { filledScorecard, scorecardDefinition } from './support.ts';

const field = (path: string) => ({ type: 'field', path });

// Each place a formula can be calls a function of its own module (TEXT, logic, date, conditional,
// math), so a place whose functions were not loaded throws while the engine opens.
const everyPlace = {
  kind: 'form',
  id: 'every-place',
  schemaVersion: 1,
  title: 'Every formula place',
  data: {
    type: 'object',
    properties: {
      a: { type: 'number' },
      t: { type: 'string' },
      d: { type: 'string', format: 'date' },
      label: { type: 'string' },
      note: { type: 'string' },
    },
  },
  layout: {
    root: ['fa', 'ft', 'fd', 'fl', 'fn'],
    nodes: { fa: field('a'), ft: field('t'), fd: field('d'), fl: field('label'), fn: field('note') },
  },
  computed: [{ target: 'label', formula: 'TEXT(a, "0.0")' }],
  rules: [
    {
      target: 'note',
      visible: 'NOT(ISBLANK(t))',
      required: 'DAYS(d, "2026-01-01") > 0',
      readOnly: 'COUNTIF({1, 2, 3}, ">1") > a',
    },
  ],
  validations: [{ id: 'small', formula: 'ROUND(a, 0) <= 100', message: { 'zh-CN': '太大', en: 'too big' } }],
} as const;

/** What a form shows and says: its value, the note's rules, and a submit's problems. */
function observe(engine: FormEngine) {
  const { visible, required, readOnly } = engine.getFieldState('note');
  return { value: engine.getValue(), visible, required, readOnly, submitted: engine.submit() };
}

describe('loadFormEngine', () => {
  it('loads the functions of every formula (computed, rules, validations) and works as createFormEngine', async () => {
    const value = { a: 150.04, t: 'x', d: '2026-03-01' };
    const loaded = await loadFormEngine(everyPlace as unknown as FormDefinition, { value });
    const created = createFormEngine(everyPlace, { value });
    expect(loaded.getValue('label')).toBe('150.0');
    expect(observe(loaded)).toEqual(observe(created));
    expect(observe(loaded)).toMatchObject({ visible: true, required: true, readOnly: false });
    expect(loaded.submit()).toMatchObject({
      ok: false,
      issues: [
        { path: 'note', keyword: 'required' },
        { path: '', keyword: 'small' },
      ],
    });
  });

  it('opens the scorecard as createFormEngine does', async () => {
    const definition = scorecardDefinition() as unknown as FormDefinition;
    const loaded = await loadFormEngine(definition, { value: filledScorecard });
    expect(observe(loaded)).toEqual(observe(createFormEngine(definition, { value: filledScorecard })));
    expect(loaded.getValue('score')).toBe(102);
  });
});
