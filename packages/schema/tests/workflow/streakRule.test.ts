import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBadPeriod, type StreakState, stepStreak } from '../../src/workflow/streakRule.ts';

/** Runs the rule over a sequence of verdicts: the streak length after each, and where it fired. */
function walk(verdicts: readonly boolean[], length: number) {
  let state: StreakState | undefined;
  const lengths: number[] = [];
  const fires: number[] = [];
  const ends: number[] = [];
  verdicts.forEach((bad, i) => {
    const step = stepStreak(state, bad, length);
    state = step.state;
    lengths.push(state?.badPeriods ?? 0);
    if (step.fires) fires.push(i);
    if (step.ends) ends.push(i);
  });
  return { lengths, fires, ends };
}

describe('isBadPeriod', () => {
  it('is below the baseline when higher is better, above it when lower is better; equal is fine', () => {
    expect(isBadPeriod('higherIsBetter', 70, 80)).toBe(true);
    expect(isBadPeriod('higherIsBetter', 90, 80)).toBe(false);
    expect(isBadPeriod('lowerIsBetter', 90, 80)).toBe(true);
    expect(isBadPeriod('lowerIsBetter', 70, 80)).toBe(false);
    expect(isBadPeriod('higherIsBetter', 80, 80)).toBe(false);
    expect(isBadPeriod('lowerIsBetter', 80, 80)).toBe(false);
  });
});

describe('stepStreak', () => {
  it('extends on bad periods, ends on a good one, fires once per streak at its length', () => {
    const run = walk([true, true, true, false, true, false, true, true], 2);
    expect(run.lengths).toEqual([1, 2, 3, 0, 1, 0, 1, 2]);
    expect(run.fires).toEqual([1, 7]);
    expect(run.ends).toEqual([3, 5]);
  });

  it('does not fire again for a streak that has fired, nor end one that is not there', () => {
    expect(stepStreak({ badPeriods: 4, fired: true }, true, 2)).toEqual({
      state: { badPeriods: 5, fired: true },
      fires: false,
      ends: false,
    });
    expect(stepStreak(undefined, false, 2)).toEqual({ state: undefined, fires: false, ends: false });
    expect(stepStreak(undefined, true, 1)).toEqual({
      state: { badPeriods: 1, fired: true },
      fires: true,
      ends: false,
    });
  });

  it('fires exactly at the periods that complete `length` bad periods in a row, once per streak', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        (verdicts, length) => {
          const run = walk(verdicts, length);
          let inRow = 0;
          const expected: number[] = [];
          verdicts.forEach((bad, i) => {
            inRow = bad ? inRow + 1 : 0;
            if (inRow === length) expected.push(i);
          });
          expect(run.fires).toEqual(expected);
        },
      ),
    );
  });
});
