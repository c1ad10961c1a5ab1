import type { FormDefinition } from '@formboard/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRecordDeriver } from '../src/headless.ts';
import { createTestForm, filledScorecard, scorecardDefinition } from './support.ts';

const scorecard = scorecardDefinition() as unknown as FormDefinition;
const context = { now: Date.parse('2026-11-27T02:30:00Z'), user: { id: 'u-lisi', name: '李四' } };

describe('compileRecordDeriver', () => {
  const derive = compileRecordDeriver(scorecard);

  it('computes row formulas, totals and what reads them, overwriting values a writer sent', () => {
    const forged = {
      ...filledScorecard,
      score: 100,
      totalWeight: 1,
      kpis: [{ ...filledScorecard.kpis[0], rowScore: 99 }],
    };
    const derived = derive(forged, context);
    expect(derived.kpis).toEqual([{ name: '交付准时率', weight: 60, target: 100, actual: 90, rowScore: 54 }]);
    expect(derived.totalWeight).toBe(60);
    expect(derived.score).toBe(54);
    expect(forged.score).toBe(100);
  });

  it('leaves out fields a visible rule hides, and a failed formula leaves its field absent', () => {
    const derived = derive({ ...filledScorecard, status: 'draft', comment: '草稿备注' }, context);
    expect(derived).not.toHaveProperty('comment');
    expect(derive({ ...filledScorecard, comment: '说明' }, context).comment).toBe('说明');
    const zero = derive({ employee: 'u-1', kpis: [{ weight: 10, target: 0, actual: 5 }] }, context);
    expect(zero.kpis).toEqual([{ weight: 10, target: 0, actual: 5, rowScore: 0 }]);
  });

  it('gives what the engine submits for the same input (random scorecards)', () => {
    const line = fc.record(
      {
        weight: fc.integer({ min: 0, max: 100 }),
        target: fc.integer({ min: 0, max: 200 }),
        actual: fc.integer({ min: 0, max: 300 }),
        rowScore: fc.integer(),
      },
      { requiredKeys: [] },
    );
    const record = fc.record({
      employee: fc.constant('u-zhangsan'),
      period: fc.constant('2026-11-01'),
      status: fc.constantFrom('draft', 'submitted', 'approved'),
      kpis: fc.array(
        line.map((l) => ({ name: 'KPI', ...l })),
        { minLength: 1, maxLength: 5 },
      ),
      score: fc.integer(),
      comment: fc.constant('备注'),
    });
    fc.assert(
      fc.property(record, (value) => {
        const engine = createTestForm({ value });
        const submitted = engine.submit();
        const derived = derive(value, context);
        if (submitted.ok) expect(derived).toEqual(submitted.value);
        // An invalid record has no submitted value: compare the computed fields and what is hidden.
        for (const path of ['kpis', 'totalWeight', 'score'])
          expect(derived[path]).toEqual(engine.getValue(path));
        expect('comment' in derived).toBe(engine.getFieldState('comment').visible);
      }),
      { numRuns: 200 },
    );
  });
});
