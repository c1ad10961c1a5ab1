// The child process of the reliability tests, run with tsx: `writer.ts crash <database> <round>` writes
// definition versions and records in a loop until it is killed; `writer.ts race <database>` obeys
// commands on stdin (see protocol.ts). Every acknowledged write is reported on stdout, one line each.
import { createInterface } from 'node:readline';
import { validateDefinition } from '@formboard/schema';
import { openStore, type Store, VersionConflictError } from '../../src/index.ts';
import { employeeName, FORM_ID, type WriterCommand, type WriterMessage } from './protocol.ts';

// Pipes are written synchronously on Linux: a line printed here has left the process.
function print(message: WriterMessage): void {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

function withTitle(content: Readonly<Record<string, unknown>>, title: string): Record<string, unknown> {
  return { ...content, title: { 'zh-CN': title, en: title } };
}

function recordData(employee: string, score: number): Record<string, unknown> {
  return {
    employee,
    period: '2026-11-01',
    status: 'submitted',
    kpis: [{ name: '交付准时率', weight: 100, target: 100, actual: score }],
    score,
  };
}

/** Saves a version, then enters a record (every fifth time three in one bulk insert), forever. */
async function crashLoop(store: Store, round: number): Promise<never> {
  const head = await store.definitions.get(FORM_ID);
  let version = head.version;
  let entered = 0;
  for (let i = 0; ; i += 1) {
    const saved = await store.definitions.save(FORM_ID, withTitle(head.content, `r${round} save ${i}`), {
      baseVersion: version,
      author: 'writer',
      message: `round ${round}, save ${i}`,
    });
    version = saved.version;
    print({ kind: 'version', version: saved.version, hash: saved.hash });
    const rows = Array.from({ length: i % 5 === 4 ? 3 : 1 }, () => {
      entered += 1;
      return recordData(employeeName(round, entered), entered % 120);
    });
    const writer = { actor: 'writer', orgUnitId: 'ou-reliability' };
    const created =
      rows.length === 1
        ? [await store.records.insert(FORM_ID, rows[0] ?? {}, writer)]
        : await store.records.insertMany(FORM_ID, rows, writer);
    print({
      kind: 'records',
      records: created.map((r) => ({ id: r.id, employee: String(r.data.employee) })),
    });
  }
}

/** Answers `read` / `save` / `exit` commands from stdin, one at a time. */
async function race(store: Store): Promise<void> {
  let base = await store.definitions.get(FORM_ID);
  for await (const line of createInterface({ input: process.stdin })) {
    const command = JSON.parse(line) as WriterCommand;
    if (command.cmd === 'exit') break;
    if (command.cmd === 'read') {
      base = await store.definitions.get(FORM_ID);
      print({ kind: 'read', version: base.version });
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, command.at - Date.now())));
    try {
      const saved = await store.definitions.save(FORM_ID, withTitle(base.content, command.title), {
        baseVersion: base.version,
        author: `writer-${process.pid}`,
      });
      print({ kind: 'saved', version: saved.version, hash: saved.hash });
    } catch (error) {
      if (!(error instanceof VersionConflictError)) throw error;
      print({ kind: 'conflict', baseVersion: error.baseVersion, currentVersion: error.currentVersion });
    }
  }
  process.stdin.destroy();
}

async function main(): Promise<void> {
  const [mode, database, round] = process.argv.slice(2);
  if ((mode !== 'crash' && mode !== 'race') || !database)
    throw new Error('usage: writer.ts crash <database> <round> | race <database>');
  const store = await openStore({ database });
  // The first validation compiles the definition schemas (a second or so): done before `ready`, so
  // the kill delay and the race's common start time are measured from a writer that writes at once.
  validateDefinition((await store.definitions.get(FORM_ID)).content);
  print({ kind: 'ready', pid: process.pid });
  if (mode === 'crash') await crashLoop(store, Number(round ?? 0));
  await race(store);
  await store.close();
}

main().catch((error: unknown) => {
  print({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
});
