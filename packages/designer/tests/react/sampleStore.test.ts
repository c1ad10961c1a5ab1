import { describe, expect, it } from 'vitest';
import { createSampleStore } from '../../src/react/sample/sampleStore.ts';
import { shareEqual } from '../../src/react/sample/shareEqual.ts';
import { checkInForm, createTestDesigner, doc } from '../fixtures.ts';

describe('the sample store', () => {
  it('gives the same record while the data schema and typed values stay (a label edit, a selection)', () => {
    const designer = createTestDesigner();
    const samples = createSampleStore('2026-11-27');
    const before = samples.recordOf(doc(designer));
    designer.select(['statusNode']);
    designer.setProperty('commentNode', 'rule.visible', 'progress > 50');
    expect(samples.recordOf(doc(designer))).toBe(before);
  });

  it('keeps the values that did not change when the data schema does (an add, its undo)', () => {
    const designer = createTestDesigner();
    const samples = createSampleStore('2026-11-27');
    const before = samples.recordOf(doc(designer));
    designer.add('checkboxes', { parent: null });
    const added = samples.recordOf(doc(designer));
    expect(added).not.toBe(before);
    expect(Object.keys(added)).toHaveLength(Object.keys(before).length + 1);
    expect(added.kpis).toBe(before.kpis); // the table's rows: the very same array
    designer.undo();
    const undone = samples.recordOf(doc(designer));
    expect(undone).toEqual(before);
    expect(undone.kpis).toBe(before.kpis);
  });

  it('puts what was typed in the preview over the made-up values, and says so', () => {
    const samples = createSampleStore('2026-11-27');
    const form = checkInForm();
    let calls = 0;
    const off = samples.subscribe(() => {
      calls += 1;
    });
    samples.setTyped({ progress: 20 });
    expect(samples.recordOf(form)).toMatchObject({ progress: 20, status: 'todo' });
    off();
    samples.setTyped({ progress: 30 });
    expect(calls).toBe(1);
    expect(samples.recordOf(form).progress).toBe(30);
  });
});

describe('sharing equal parts of remade records', () => {
  it('keeps equal parts of the earlier value, takes the changed ones', () => {
    const rows = [{ a: 1 }, { a: 2 }];
    const prev = { rows, tags: ['x'], n: 1, group: { b: 'y' } };
    const next = shareEqual(prev, { rows: [{ a: 1 }, { a: 2 }], tags: ['x', 'z'], n: 1, group: { b: 'y' } });
    expect(next).toEqual({ rows, tags: ['x', 'z'], n: 1, group: { b: 'y' } });
    expect((next as typeof prev).rows).toBe(rows);
    expect((next as typeof prev).group).toBe(prev.group);
    expect(shareEqual(prev, structuredClone(prev))).toBe(prev);
  });

  it('never writes a prototype for a `__proto__` key', () => {
    const next = shareEqual({}, JSON.parse('{"__proto__": {"polluted": true}}')) as object;
    expect(Object.hasOwn(next, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
