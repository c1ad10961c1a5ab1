import { describe, expect, it } from 'vitest';
import { entryText } from '../../src/audit/AuditLog.ts';
import { canonicalJson } from '../../src/index.ts';

const entries = [
  {
    at: '2026-11-27T08:00:00.000Z',
    actor: 'hr',
    action: 'record.create',
    entityType: 'record',
    entityId: 'r1',
  },
  {
    at: '2026-11-27T08:00:00.000Z',
    actor: '王五 "老王"\\n\u2028',
    action: 'user.update',
    entityType: 'user',
    entityId: 'u-\u0000-\ud83d\ude00',
  },
];
const summaries = [
  {},
  { count: 3 },
  { changes: ['added field 目标值'], z: null, a: [1, { b: 'c' }], n: -0.5 },
];

describe('audit entry text', () => {
  it('is the canonical JSON of the entry, written from its stored fields and summary text', () => {
    for (const fields of entries)
      for (const summary of summaries)
        expect(entryText(fields, canonicalJson(summary))).toBe(canonicalJson({ ...fields, summary }));
  });
});
