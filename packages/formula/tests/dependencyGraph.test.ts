import { describe, expect, it } from 'vitest';
import { columnPath, createDependencyGraph, pathsOverlap } from '../src/index.ts';

describe('createDependencyGraph', () => {
  const scorecard = {
    score: ['achievement', 'weight'],
    achievement: ['actual', 'target'],
    grade: ['score'],
    'kr[].score': ['kr[].progress', 'kr[].weight'],
    total: ['kr[].score'],
  };

  it('orders computed fields after the computed fields they read', () => {
    const { order, cycles } = createDependencyGraph(scorecard);
    expect(cycles).toEqual([]);
    expect(order).toHaveLength(5);
    const comesBefore = (a: string, b: string) => order.indexOf(a) < order.indexOf(b);
    expect(comesBefore('achievement', 'score')).toBe(true);
    expect(comesBefore('score', 'grade')).toBe(true);
    expect(comesBefore('kr[].score', 'total')).toBe(true);
  });

  it('recomputes only what a change reaches, in order', () => {
    const graph = createDependencyGraph(scorecard);
    expect(graph.affectedBy(['actual'])).toEqual(['achievement', 'score', 'grade']);
    expect(graph.affectedBy(['weight'])).toEqual(['score', 'grade']);
    expect(graph.affectedBy(['comment'])).toEqual([]);
  });

  it('maps row edits and row additions onto table columns', () => {
    const graph = createDependencyGraph(scorecard);
    expect(graph.affectedBy(['kr[3].progress'])).toEqual(['kr[].score', 'total']);
    expect(graph.affectedBy(['kr'])).toEqual(['kr[].score', 'total']);
    expect(graph.affectedBy(['kr[0].note'])).toEqual([]);
  });

  it('reports cycles and leaves their members and readers out of the order', () => {
    const graph = createDependencyGraph({ a: ['b'], b: ['c'], c: ['a'], d: ['a'], e: ['x'] });
    expect(graph.cycles).toHaveLength(1);
    const [cycle] = graph.cycles;
    expect(cycle?.[0]).toBe(cycle?.[cycle.length - 1]);
    expect(new Set(cycle)).toEqual(new Set(['a', 'b', 'c']));
    expect(graph.order).toEqual(['e']);
  });

  it('reports a field that reads itself', () => {
    expect(createDependencyGraph({ a: ['a'] }).cycles).toEqual([['a', 'a']]);
  });
});

describe('path helpers', () => {
  it('columnPath drops row numbers', () => {
    expect(columnPath('kr[12].progress')).toBe('kr[].progress');
    expect(columnPath('a[1].b[2].c')).toBe('a[].b[].c');
  });

  it('pathsOverlap matches whole segments only', () => {
    expect(pathsOverlap('kr', 'kr[].p')).toBe(true);
    expect(pathsOverlap('owner', 'owner.name')).toBe(true);
    expect(pathsOverlap('own', 'owner')).toBe(false);
    expect(pathsOverlap('kr[].p', 'kr[].q')).toBe(false);
  });
});
