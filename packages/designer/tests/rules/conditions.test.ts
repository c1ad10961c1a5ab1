import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Condition, type ConditionGroup, fromFormula, toFormula } from '../../src/index.ts';

const types = {
  status: 'string',
  progress: 'number',
  due: 'date',
  tags: 'string[]',
  done: 'boolean',
} as const;
const typeOf = (field: string) => types[field as keyof typeof types];

describe('rule builder formulas', () => {
  it('writes "状态 is 已完成 and 进度 < 50" as a formula', () => {
    const group: ConditionGroup = {
      match: 'all',
      conditions: [
        { field: 'status', operator: 'eq', value: '已完成' },
        { field: 'progress', operator: 'lt', value: 50 },
      ],
    };
    expect(toFormula(group, typeOf)).toBe('status = "已完成" AND progress < 50');
  });

  it('writes every operator, dates and escaped text', () => {
    const conditions: Condition[] = [
      { field: 'status', operator: 'contains', value: 'say "hi"' },
      { field: 'status', operator: 'notContains', value: 'x' },
      { field: 'status', operator: 'empty' },
      { field: 'status', operator: 'notEmpty' },
      { field: 'tags', operator: 'includes', value: 'a' },
      { field: 'tags', operator: 'excludes', value: 'b' },
      { field: 'due', operator: 'lt', value: '$today' },
      { field: 'due', operator: 'ge', value: '2026-01-05' },
      { field: 'progress', operator: 'gt', value: -2.5 },
      { field: 'done', operator: 'ne', value: true },
    ];
    expect(toFormula({ match: 'any', conditions }, typeOf)).toBe(
      'CONTAINS(status, "say \\"hi\\"") OR NOT(CONTAINS(status, "x")) OR ISBLANK(status) OR NOT(ISBLANK(status)) OR ' +
        'OR(tags = "a") OR NOT(OR(tags = "b")) OR due < $today OR due >= DATE(2026, 1, 5) OR progress > -2.5 OR done <> TRUE',
    );
    expect(toFormula({ match: 'all', conditions: [] })).toBeUndefined();
  });

  it('reads back what it wrote, whitespace aside', () => {
    expect(fromFormula('status="已完成"  AND progress<50', typeOf)).toEqual({
      kind: 'conditions',
      group: {
        match: 'all',
        conditions: [
          { field: 'status', operator: 'eq', value: '已完成' },
          { field: 'progress', operator: 'lt', value: 50 },
        ],
      },
    });
    expect(fromFormula('NOT(OR(tags = "b"))', typeOf)).toMatchObject({
      kind: 'conditions',
      group: { conditions: [{ field: 'tags', operator: 'excludes', value: 'b' }] },
    });
  });

  it('reports a formula it cannot represent as custom, never a changed one', () => {
    for (const text of [
      'status = "a" AND progress < 5 OR done', // mixed AND / OR
      '50 > progress', // field on the right
      'progress < 50%', // a percent literal it would write as 0.5
      'AND(status = "a", done = TRUE)', // function form of AND
      'due >= "2026-01-05"', // a date compared with text
      'progress * 2 > 10',
      'IF(done, TRUE, FALSE)',
    ]) {
      expect(fromFormula(text, typeOf), text).toMatchObject({ kind: 'custom' });
    }
    expect(fromFormula('status = (', typeOf)).toMatchObject({
      kind: 'custom',
      reason: { en: expect.stringContaining('line 1') },
    });
  });

  it('round-trips any group of conditions (property)', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.integer({ min: -1000, max: 1000 }),
      fc
        .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
        .filter((n) => !Object.is(n, -0)),
    );
    const condition = fc.oneof(
      fc.record({
        field: fc.constant('status'),
        operator: fc.constantFrom('eq', 'ne', 'contains', 'notContains'),
        value: fc.string({ maxLength: 8 }),
      }),
      fc.record({
        field: fc.constant('progress'),
        operator: fc.constantFrom('eq', 'ne', 'lt', 'le', 'gt', 'ge'),
        value,
      }),
      fc.record({
        field: fc.constantFrom('status', 'due', 'tags'),
        operator: fc.constantFrom('empty', 'notEmpty'),
      }),
      fc.record({
        field: fc.constant('tags'),
        operator: fc.constantFrom('includes', 'excludes'),
        value: fc.string({ maxLength: 5 }),
      }),
      fc.record({
        field: fc.constant('due'),
        operator: fc.constantFrom('lt', 'ge'),
        value: fc.constantFrom('$today', '2026-02-28', '1999-12-01'),
      }),
    ) as fc.Arbitrary<Condition>;
    fc.assert(
      fc.property(
        fc.constantFrom('all', 'any') as fc.Arbitrary<'all' | 'any'>,
        fc.array(condition, { minLength: 1, maxLength: 5 }),
        (match, conditions) => {
          const text = toFormula({ match, conditions }, typeOf) as string;
          const read = fromFormula(text, typeOf);
          expect(read).toEqual({
            kind: 'conditions',
            group: { match: conditions.length === 1 ? 'all' : match, conditions },
          });
        },
      ),
    );
  });
});
