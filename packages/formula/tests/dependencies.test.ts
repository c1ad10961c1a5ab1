import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calledFunctions,
  dependencies,
  type Node,
  parse,
  pathText,
  variableText,
  walk,
} from '../src/index.ts';
import { arbitraryAst } from './support/arbitraries.ts';

/** What a formula reads, the plain way: every field and variable node, and the clock functions. */
function readsOf(ast: Node): string[] {
  const reads: string[] = [];
  walk(ast, (node) => {
    if (node.type === 'Field') reads.push(pathText(node.path));
    else if (node.type === 'Variable') reads.push(variableText(node.name, node.path));
    else if (node.type === 'Call' && (node.name === 'TODAY' || node.name === 'NOW'))
      reads.push(`$${node.name.toLowerCase()}`);
  });
  return reads;
}

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

  it('is every read once, in the order sort() gives, for any formula', () => {
    fc.assert(
      fc.property(arbitraryAst, (ast) => {
        expect(dependencies(ast)).toEqual([...new Set(readsOf(ast))].sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('calledFunctions', () => {
  it('lists the functions called, upper-case, nested calls and NOT included, without repeats', () => {
    expect(
      calledFunctions(parse('if(SUM(a, {1, max(b)}) > 1, NOT c, -Round(d, 0) + sum(e))')).sort(),
    ).toEqual(['IF', 'MAX', 'NOT', 'ROUND', 'SUM']);
  });

  it('is empty for formulas without calls', () => {
    expect(calledFunctions(parse('a + b * 2 & "SUM(x)"'))).toEqual([]);
  });
});
