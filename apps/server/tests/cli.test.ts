import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openStore } from '@formboard/storage';
import { freshSqliteFile } from '@formboard/storage/testing';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { writePackFixture } from './support/packFixture.ts';
import { CLI, type ServerProcess, startServerProcess, TSX } from './support/serverProcess.ts';
import { seedTestStore } from './support/testServer.ts';

const run = promisify(execFile);

/** Runs `formboard …` as a real process; never throws, returns the exit code and output. */
async function formboard(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [CLI, ...args], {
      env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

// Each test starts real processes (tsx, then the CLI); demo mode also loads the starter pack's sample
// company. Generous limits keep a busy CI machine from failing them; they check behaviour, not speed.
describe('the formboard command line', { timeout: 180_000 }, () => {
  let server: ServerProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });

  it('creates an admin from FORMBOARD_PASSWORD and refuses bad input with exit code 2, without a stack trace', async () => {
    const database = freshSqliteFile();
    const created = await formboard(['user', 'create', '--id', 'boss', '--admin', '--database', database], {
      FORMBOARD_PASSWORD: 'a long enough secret',
    });
    expect(created).toMatchObject({ code: 0, stdout: 'user boss created\n' });
    const again = await formboard(['user', 'create', '--id', 'boss', '--database', database], {
      FORMBOARD_PASSWORD: 'a long enough secret',
    });
    expect(again).toMatchObject({ code: 1, stderr: 'user boss already exists\n' });
    const short = await formboard(['user', 'create', '--id', 'x', '--database', database], {
      FORMBOARD_PASSWORD: 'short',
    });
    expect(short.code, short.stderr).toBe(2);
    const unknown = await formboard(['audit', 'verify', '--nope'], { LANG: 'zh_CN.UTF-8' });
    expect(unknown.code, unknown.stderr).toBe(2);
    expect(unknown.stderr).toMatch(/^参数有误：/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
    // The movable test clock is for end-to-end tests: refused without --demo and in production.
    const clockOutsideDemo = await formboard(['serve', '--test-clock', '--database', database]);
    expect(clockOutsideDemo.code, clockOutsideDemo.stderr).toBe(2);
    expect(clockOutsideDemo.stderr).toMatch(/--test-clock is for end-to-end tests only/);
    const clockInProduction = await formboard(['serve', '--demo', '--test-clock', '--database', database], {
      NODE_ENV: 'production',
    });
    expect(clockInProduction.code, clockInProduction.stderr).toBe(2);
  });

  it('verifies the audit log, and names the entry someone altered', async () => {
    const database = freshSqliteFile();
    await formboard(['user', 'create', '--id', 'boss', '--admin', '--database', database], {
      FORMBOARD_PASSWORD: 'a long enough secret',
    });
    expect(await formboard(['audit', 'verify', '--database', database])).toMatchObject({
      code: 0,
      stdout: 'audit log intact: 2 entries\n',
    });
    const db = new Database(database);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run();
    db.close();
    const tampered = await formboard(['audit', 'verify', '--database', database]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr).toContain('altered at entry 1');
  });

  it('imports a CSV from the command line: a dry run by default, rows with problems named, exit 1 on bad rows (more in cliImport.test.ts)', async () => {
    const database = freshSqliteFile();
    const store = await openStore({ database });
    await seedTestStore(store);
    await store.close();
    const dir = mkdtempSync(join(tmpdir(), 'formboard-import-'));
    const good = join(dir, 'good.csv');
    writeFileSync(good, '周,进度\n2026-11-16,40\n2026-11-23,55\n');
    const dry = await formboard(['import', 'checkin', good, '--as', 'member', '--database', database]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toBe(
      [
        'column mapping: columns matched to fields by key or label (zh-CN or en)',
        '  周 → week (Week)',
        '  进度 → progress (Progress)',
        '2 rows: 2 valid, 0 with problems; 0 written (a dry run: --commit writes)',
        '',
      ].join('\n'),
    );
    const committed = await formboard([
      'import',
      'checkin',
      good,
      '--as',
      'member',
      '--commit',
      '--database',
      database,
    ]);
    expect(committed.stdout).toContain('\n2 rows: 2 valid, 0 with problems; 2 written\n');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '周,进度\n2026-11-30,abc\n');
    const refused = await formboard([
      'import',
      'checkin',
      bad,
      '--as',
      'member',
      '--commit',
      '--database',
      database,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('row 2 进度: "abc" is not a number');
    const missingForm = await formboard(['import', 'nope', good, '--as', 'member', '--database', database]);
    expect(missingForm).toMatchObject({ code: 1, stderr: 'form nope not found\n' });
    const reopened = await openStore({ database });
    expect((await reopened.records.list('checkin')).total).toBe(2);
    await reopened.close();
  });

  // The pack's sample data (24,000 rows) is loaded into a trial database: slow on a busy machine.
  it('validates a template pack folder, naming each problem by file and JSON pointer', async () => {
    const pack = join(import.meta.dirname, '../../../templates/performance');
    expect(await formboard(['pack', 'validate', pack])).toMatchObject({
      code: 0,
      stdout: 'the pack is valid\n',
    });
    const broken = mkdtempSync(join(tmpdir(), 'formboard-pack-'));
    cpSync(pack, broken, { recursive: true, filter: (source) => !source.includes('node_modules') });
    const board = JSON.parse(readFileSync(join(broken, 'dashboards/my-gap.json'), 'utf8'));
    board.widgets[0].query.source = 'no-such-form';
    writeFileSync(join(broken, 'dashboards/my-gap.json'), JSON.stringify(board));
    writeFileSync(join(broken, 'forms/stray.json'), '{}');
    const answer = await formboard(['pack', 'validate', broken]);
    expect(answer.code).toBe(1);
    expect(answer.stderr).toContain('forms/stray.json: not listed in the contents of pack.json');
    expect(answer.stderr).toMatch(/dashboards\/my-gap\.json \/widgets\/0\/query\/source: /);
  }, 120_000);

  it('tries the sample data as an install would, naming the file and row of a bad cell or a repeated key', async () => {
    const pack = join(import.meta.dirname, '../../../templates/performance');
    const copyWith = (edit: (csv: string) => string) => {
      const dir = mkdtempSync(join(tmpdir(), 'formboard-pack-data-'));
      cpSync(pack, dir, { recursive: true, filter: (source) => !source.includes('node_modules') });
      const file = join(dir, 'data/breakthrough.csv');
      writeFileSync(file, edit(readFileSync(file, 'utf8')));
      return dir;
    };
    // Row 3 of the file (its second data row) gives a year that is not a number.
    const badYear = copyWith((csv) => csv.replace('bt-2025-2,2025,2,', 'bt-2025-2,二〇二五,2,'));
    const bad = await formboard(['pack', 'validate', badYear]);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr).toMatch(/^data\/breakthrough\.csv row 3 \S+: /m);
    // A sixth point for 2025, a copy of the first under another key, takes rank 1 again: the form's
    // (year, rank) uniqueness refuses it.
    const sixth = copyWith((csv) => {
      // The file's own line ends (CRLF), so the new line is a row of its own.
      const lines = csv.trimEnd().split('\r\n');
      const first = lines.find((line) => line.startsWith('bt-2025-1,')) ?? '';
      return [...lines, first.replace('bt-2025-1,', 'bt-2025-9,')].join('\r\n');
    });
    const repeated = await formboard(['pack', 'validate', sixth]);
    expect(repeated.code, repeated.stderr).toBe(1);
    expect(repeated.stderr).toContain('data/breakthrough.csv');
    expect(repeated.stderr).toContain('year-rank');
  }, 120_000);

  it('builds a pack archive, installs it checked by its checksum, and lists it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'formboard-build-'));
    const built = await formboard(['pack', 'build', writePackFixture({ version: '1.0.0' }), '--out', out]);
    expect(built.code).toBe(0);
    const archive = join(out, 'acme-goals-1.0.0.fbpack');
    const [sha256] = readFileSync(`${archive}.sha256`, 'utf8').split(' ');
    const database = freshSqliteFile();
    const wrong = await formboard([
      'pack',
      'install',
      archive,
      '--sha256',
      '0'.repeat(64),
      '--database',
      database,
    ]);
    expect(wrong).toMatchObject({ code: 1 });
    expect(wrong.stderr).toContain('does not match its checksum');
    const installed = await formboard([
      'pack',
      'install',
      archive,
      '--sha256',
      sha256 ?? '',
      '--database',
      database,
    ]);
    expect(installed).toMatchObject({
      code: 0,
      stdout: '@acme/goals 1.0.0: installed\n  form goal: created and published\n',
    });
    expect((await formboard(['pack', 'list', '--database', database])).stdout).toBe(
      '@acme/goals\t1.0.0\tinstalled\t1\n',
    );
  });

  it('serves the API with demo data and prints the demo sign-ins', async () => {
    server = await startServerProcess(['--demo', '--database', freshSqliteFile()], 'zhangsan');
    expect(server.output()).toContain('Demo sign-ins (password formboard-demo for all)');
    const signIn = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'zhangsan', password: 'formboard-demo' }),
    });
    expect(signIn.status).toBe(200);
    // Demo mode publishes the starter pack: everyone sees its forms, workflow and board.
    const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
    const definitions = (await (
      await fetch(`${server.url}/api/definitions`, { headers: { cookie } })
    ).json()) as { id: string }[];
    expect(definitions.map((d) => d.id)).toEqual(
      expect.arrayContaining([
        'objective',
        'key-result',
        'kpi-scorecard',
        'kpi-below-baseline',
        'my-gap',
        'weekly-checkin',
      ]),
    );
  });
});
