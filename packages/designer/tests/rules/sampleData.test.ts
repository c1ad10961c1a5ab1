import { createFormEngine } from '@formboard/form-runtime';
import { describe, expect, it } from 'vitest';
import { sampleRecord } from '../../src/index.ts';
import { checkInForm, createTestDesigner, doc } from '../fixtures.ts';

describe('sample records', () => {
  it('fill every field that is not computed with a plausible value, two rows per table', () => {
    expect(sampleRecord(checkInForm(), '2026-11-27')).toEqual({
      status: 'todo',
      progress: 60,
      comment: '示例 Sample',
      kpis: [
        { name: '示例 Sample', weight: 60, actual: 60, target: 60 },
        { name: '示例 Sample', weight: 60, actual: 60, target: 60 },
      ],
    });
  });

  it('pass the form’s own checks for every palette field', () => {
    const designer = createTestDesigner();
    for (const item of designer.palette.items())
      if (item.kind === 'field') designer.add(item.id, { parent: null });
    const form = doc(designer);
    const engine = createFormEngine(form, { value: sampleRecord(form, '2026-11-27') });
    expect(engine.validate()).toEqual([]);
  });
});

describe('sample records of hostile keys', () => {
  it('never write to a prototype', () => {
    // JSON.parse makes `__proto__` an own key, as a definition read from a request would have it.
    const hostile = JSON.parse(
      '{"kind":"form","id":"h","schemaVersion":1,"title":"h","layout":{"root":[],"nodes":{}},' +
        '"data":{"type":"object","properties":{"__proto__":{"type":"object","properties":{"polluted":{"type":"string"}}}}}}',
    );
    const record = sampleRecord(hostile, '2026-11-27');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(record)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
  });
});
