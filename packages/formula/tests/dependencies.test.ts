import { describe, expect, it } from 'vitest';
import { dependencies, parse } from '../src/index.ts';

describe('dependencies', () => {
  it('lists the fields a formula reads, sorted, without repeats', () => {
    expect(dependencies(parse('weight * MIN(actual / target, 1.2) + weight'))).toEqual([
      'actual',
      'target',
      'weight',
    ]);
  });

  it('keeps paths and table columns as written', () => {
    expect(dependencies(parse('SUM(kr[].progress) + owner.level'))).toEqual(['kr[].progress', 'owner.level']);
  });

  it('lists variables with their $, and clock functions as $today / $now', () => {
    expect(dependencies(parse('IF($user.id = owner, TODAY() - start, NOW())'))).toEqual([
      '$now',
      '$today',
      '$user.id',
      'owner',
      'start',
    ]);
  });

  it('is empty for constant formulas', () => {
    expect(dependencies(parse('1 + 2 & "x"'))).toEqual([]);
  });
});
