import { existsSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import Papa from 'papaparse';
import { describe, expect, it, vi } from 'vitest';
import { importAnswer } from '../src/imports/importAnswer.ts';
import { RejectedRows } from '../src/imports/rejectedRows.ts';
import type { ImportReport } from '../src/imports/runImport.ts';

const report: ImportReport = {
  headers: ['周', '说明'],
  mapping: ['week', 'note'],
  mappingSource: 'labels',
  missingRequired: [],
  rows: 0,
  valid: 0,
  invalid: 0,
  issues: [],
  issueCount: 0,
  inserted: 0,
  mappingSaved: false,
};

describe('the import answer, streamed', () => {
  it('is the report as JSON when nothing was rejected', async () => {
    expect(JSON.parse(await text(importAnswer(report, undefined)))).toEqual(report);
  });

  it('carries the rejected rows’ CSV as a JSON string read from disk in chunks, then deletes the file', async () => {
    const rejected = await RejectedRows.create(['周', '说明'], 'en');
    // Enough rows that the file is read in several chunks: quotes, backslashes, line breaks, tabs,
    // Chinese and emoji (surrogate pairs in JavaScript) cross the chunk boundaries.
    const rows = Array.from({ length: 4000 }, (_, i) => [
      String(i + 2),
      '2026-11-02',
      `第 ${i} 行 "引号" \\ 反斜杠\n换行\t制表 🎯 ${'长'.repeat(i % 50)}`,
      'note: too long',
    ]);
    for (const [row, ...cells] of rows) await rejected.add(Number(row), cells.slice(0, 2), cells[2] ?? '');
    const answer = JSON.parse(await text(importAnswer({ ...report, invalid: rows.length }, rejected))) as {
      rejectedCsv: string;
      invalid: number;
    };
    expect(answer.invalid).toBe(4000);
    expect(answer.rejectedCsv).toBe(Papa.unparse([['Row', '周', '说明', 'Error'], ...rows]));
    await vi.waitFor(() => expect(existsSync(rejected.path)).toBe(false));
  });

  it('deletes the file when the client goes away mid-answer', async () => {
    const rejected = await RejectedRows.create(['周'], 'zh-CN');
    for (let row = 2; row < 20_000; row++) await rejected.add(row, ['x'.repeat(20)], 'bad');
    const answer = importAnswer(report, rejected);
    for await (const _chunk of answer) break;
    await vi.waitFor(() => expect(existsSync(rejected.path)).toBe(false));
  });
});
