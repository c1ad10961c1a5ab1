import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, type Store } from '@formboard/storage';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildServer } from '../src/app.ts';
import { main } from '../src/cli/main.ts';
import type { ChangeEvent } from '../src/events/ChangeEvent.ts';
import { postgresEventBus } from '../src/events/postgresEventBus.ts';
import { recordDeriver } from '../src/records/recordDeriver.ts';
import { Client } from './support/client.ts';
import { BACKENDS, freshDatabase, seedTestStore } from './support/testServer.ts';

// An ERP export's headers: none matches a check-in field by label, so someone maps them by hand once.
const ERP_HEADERS = '工号,周次日期,完成率,备注';
const erpFile = (...rows: string[]) => [ERP_HEADERS, ...rows].join('\n');

/** Runs `formboard …` in this process in a language; returns the exit code and what it printed. */
async function formboard(args: string[], lang = 'en_US.UTF-8') {
  const saved = process.env.LC_ALL;
  process.env.LC_ALL = lang;
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
  const error = vi.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
  try {
    const code = await main(args);
    return { code, stdout: out.join('\n'), stderr: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    if (saved === undefined) delete process.env.LC_ALL;
    else process.env.LC_ALL = saved;
  }
}

describe.each(BACKENDS)('formboard import: the API’s import from the command line (%s)', (backend) => {
  let database: string;
  let store: Store;
  let url: string;
  let close: () => Promise<void>;
  const dir = mkdtempSync(join(tmpdir(), 'formboard-cli-import-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const importing = (path: string, ...more: string[]) =>
    formboard(['import', 'checkin', path, '--as', 'member', '--database', database, ...more]);
  const records = async () => (await store.records.list('checkin', { limit: 1 })).total;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    store = await openStore({ database, recordDeriver });
    await seedTestStore(store);
    const app = await buildServer({ store });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    close = async () => {
      await app.close();
      await store.close();
    };
  });
  afterAll(() => close());
  afterEach(() => vi.restoreAllMocks());

  it('applies the mapping an import in the studio saved for these headers, and says so; --no-saved-mapping leaves it out', async () => {
    const member = await Client.signIn(url, 'member');
    const mapping = encodeURIComponent(JSON.stringify([null, 'week', 'progress', 'note']));
    const saved = await member.call(
      'POST',
      `/api/forms/checkin/imports?mode=commit&mapping=${mapping}`,
      erpFile('E01,2026-11-02,30,开局'),
      { 'content-type': 'text/csv' },
    );
    expect(saved.body).toMatchObject({ inserted: 1, mappingSaved: true });

    const week = file('erp-week.csv', erpFile('E01,2026-11-09,45,', 'E02,2026-11-09,五成,'));
    const dry = await importing(week, '--dry-run');
    expect(dry.code).toBe(1);
    expect(dry.stdout).toMatch(
      /^column mapping: the one member saved on \d{4}-\d\d-\d\d \d\d:\d\d for the same headers/,
    );
    expect(dry.stdout).toContain('--no-saved-mapping leaves it out');
    expect(dry.stdout).toContain(
      '  工号 → (not imported)\n  周次日期 → week (Week)\n  完成率 → progress (Progress)',
    );
    expect(dry.stdout).toContain('row 3 完成率: "五成" is not a number');
    expect(dry.stdout).toMatch(/2 rows: 1 valid, 1 with problems; 0 written \(a dry run: --commit writes\)$/);

    const ignored = await importing(week, '--no-saved-mapping');
    expect(ignored.code).toBe(1);
    expect(ignored.stdout).toMatch(/^column mapping: columns matched to fields by key or label/);
    expect(ignored.stdout).toContain('no column fills these required fields: week, progress');

    const inChinese = await formboard(
      ['import', 'checkin', week, '--as', 'member', '--database', database],
      'zh_CN.UTF-8',
    );
    expect(inChinese.stdout).toMatch(/^列对应：套用 member 于 .* 为表头完全相同保存的对应/);
    expect(inChinese.stdout).toContain('第 3 行 完成率：“五成”不是数字');
    expect(inChinese.stdout).toContain('已写入 0 行（试运行，加 --commit 写入）');
  });

  it('commits the valid rows with --skip-invalid, saving the rejected ones as CSV next to the file or where --rejected says', async () => {
    const before = await records();
    const week = file(
      'week-1.csv',
      '周,进度,说明\n2026-11-16,40,好\n2026-11-16,abc,=SUM(A1)\n2026-11-23,55,\n',
    );
    const committed = await importing(week, '--commit', '--skip-invalid');
    expect(committed.code).toBe(1);
    const rejectedPath = join(dir, 'week-1.rejected.csv');
    expect(committed.stdout).toContain(`3 rows: 2 valid, 1 with problems; 2 written`);
    expect(committed.stdout).toContain(`the rows not imported were saved to ${rejectedPath}`);
    expect(await records()).toBe(before + 2);
    const csv = readFileSync(rejectedPath, 'utf8');
    // A BOM for Excel, the row number, the row as read (a formula neutralised), the reason.
    expect(csv).toBe(
      `\uFEFFRow,周,进度,说明,Error\r\n3,2026-11-16,abc,'=SUM(A1),"进度: ""abc"" is not a number"`,
    );

    const elsewhere = join(dir, 'not-imported.csv');
    const second = await importing(week, '--commit', '--skip-invalid', '--rejected', elsewhere);
    expect(second.code).toBe(1);
    expect(readFileSync(elsewhere, 'utf8')).toContain('abc');

    const clean = file('clean.csv', '周,进度\n2026-11-30,60\n');
    const ok = await importing(clean, '--commit', '--skip-invalid');
    expect(ok.code).toBe(0);
    expect(existsSync(join(dir, 'clean.rejected.csv'))).toBe(false);
  });

  it('takes a mapping file by header, saves it on commit for the next file, and writes one audit entry naming the file', async () => {
    const mappingFile = file(
      'mapping.json',
      JSON.stringify({ 工号: null, 周次日期: 'week', 完成率: 'progress' }),
    );
    const erp = file('erp-2.csv', erpFile('E07,2026-12-07,70,备注'));
    const committed = await importing(erp, '--commit', '--mapping', mappingFile);
    expect(committed.code, committed.stderr).toBe(0);
    expect(committed.stdout).toMatch(
      new RegExp(`^column mapping: from ${mappingFile.replace(/[.\\]/g, '\\$&')}`),
    );
    // 备注 is not named in the file: it is matched by label (none), so it is left out.
    expect(committed.stdout).toContain('  备注 → (not imported)');
    expect(committed.stdout).toContain(
      'the column mapping was saved: the next file with these headers gets it',
    );

    const entry = (await store.audit({ entityType: 'form', entityId: 'checkin', limit: 5 })).find(
      (e) => e.action === 'import.committed',
    );
    expect(entry).toMatchObject({
      actor: 'member',
      action: 'import.committed',
      summary: {
        file: 'erp-2.csv',
        via: 'cli',
        rows: 1,
        count: 1,
        rejected: 0,
        mapping: {
          source: 'given',
          columns: [
            ['周次日期', 'week'],
            ['完成率', 'progress'],
          ],
        },
      },
    });
    const next = await importing(file('erp-3.csv', erpFile('E08,2026-12-14,75,')), '--dry-run');
    expect(next.stdout).toMatch(/^column mapping: the one member saved on/);
    expect(next.code).toBe(0);
  });

  it.runIf(backend === 'postgres')(
    'tells the servers on the same PostgreSQL database that records arrived, so open boards reload',
    async () => {
      const bus = await postgresEventBus(database, () => undefined);
      const heard: ChangeEvent[] = [];
      bus.subscribe((event) => heard.push(event));
      try {
        const week = file('announced.csv', '周,进度\n2026-12-21,65\n');
        expect((await importing(week, '--dry-run')).code).toBe(0);
        const committed = await importing(week, '--commit');
        expect(committed.code, committed.stderr).toBe(0);
        await expect
          .poll(() => heard.filter((event) => event.type === 'records.imported'))
          .toEqual([
            expect.objectContaining({ type: 'records.imported', formId: 'checkin', ownerId: 'member' }),
          ]);
      } finally {
        await bus.close();
      }
    },
  );

  it('refuses bad usage with exit code 2 and one line, never a stack trace', async () => {
    const week = file('week-2.csv', '周,进度\n2026-11-16,40\n');
    const cases: [string[], RegExp][] = [
      [['--commit', '--dry-run'], /--commit and --dry-run cannot go together/],
      [['--rejected', join(dir, 'x.csv')], /--rejected needs --skip-invalid/],
      [['--skip-invalid', '--rejected', week], /--rejected cannot be the file being imported/],
      [['--mapping', join(dir, 'missing.json')], /cannot read the mapping file/],
      [['--mapping', file('bad.json', '{"周": 3}')], /must be \{"column": "field" or null\}/],
      [
        ['--mapping', file('col.json', '{"季度": "week"}')],
        /names columns the file does not have: 季度 \(the file's columns: 周, 进度\)/,
      ],
      [
        ['--mapping', file('field.json', '{"周": "salary"}')],
        /names fields that cannot be imported: salary \(importable: week, progress, note\)/,
      ],
      [['--mapping', file('short.json', '["week"]')], /has 1 entries, the file has 2 columns/],
      [['--encoding', 'latin1'], /--encoding must be utf-8 or gb18030/],
      [['--nope'], /^bad arguments: /],
    ];
    for (const [more, message] of cases) {
      const answer = await importing(week, ...more);
      expect(answer.code, more.join(' ')).toBe(2);
      expect(answer.stderr).toMatch(message);
      expect(answer.stderr).not.toMatch(/\n\s+at /);
    }
    expect((await importing(join(dir, 'nothing.csv'))).stderr).toMatch(/^no file at /);
    const help = await formboard(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: formboard import <form> <file.csv\|.xlsx> --as <user>/);
    expect(help.stdout).toContain('--no-saved-mapping');
    expect((await formboard(['import', '--help'], 'zh_CN.UTF-8')).stdout).toMatch(/^用法：formboard import/);
  });
});
