import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WriterCommand, WriterMessage } from './protocol.ts';

const here = dirname(fileURLToPath(import.meta.url));
const WRITER = join(here, 'writer.ts');

/** The workspace's tsx (node_modules/.bin), looked up from here towards the root as pnpm would. */
function tsxBin(): string {
  for (let dir = here; ; dir = dirname(dir)) {
    const bin = join(dir, 'node_modules', '.bin', 'tsx');
    if (existsSync(bin)) return bin;
    if (dirname(dir) === dir) throw new Error('tsx not found in any node_modules/.bin above the tests');
  }
}

/** A running writer.ts child: its acknowledged messages so far, and ways to talk to it and kill it. */
export interface WriterProcess {
  /** Every complete line the child printed, parsed, in order. */
  readonly messages: readonly WriterMessage[];
  /** Resolves with the first message from index `from` on that `matches`; rejects if the child exits first. */
  waitFor(matches: (m: WriterMessage) => boolean, from?: number): Promise<WriterMessage>;
  send(command: WriterCommand): void;
  /** SIGKILL to the child's whole process group (tsx and the node process it runs the script in). */
  kill(): void;
  /** Resolves when the child has exited and its output is fully read. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

/** Starts writer.ts with `args` in its own process group, so a SIGKILL takes all of it down at once. */
export function spawnWriter(args: readonly string[]): WriterProcess {
  const child: ChildProcess = spawn(tsxBin(), [WRITER, ...args], {
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const messages: WriterMessage[] = [];
  const listeners = new Set<() => void>();
  let pending = '';
  let stderr = '';
  let done = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    // A line cut short by the kill has no newline: it was never acknowledged, so it is dropped.
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) messages.push(JSON.parse(line) as WriterMessage);
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>(
    (resolve) => {
      child.on('close', (code, signal) => {
        done = true;
        for (const listener of listeners) listener();
        resolve({ code, signal, stderr });
      });
    },
  );

  function waitFor(matches: (m: WriterMessage) => boolean, from = 0): Promise<WriterMessage> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = messages.slice(from).find(matches);
        if (found) {
          listeners.delete(check);
          resolve(found);
        } else if (done) {
          listeners.delete(check);
          reject(
            new Error(`writer exited first; last lines ${JSON.stringify(messages.slice(-3))}\n${stderr}`),
          );
        }
      };
      listeners.add(check);
      check();
    });
  }

  return {
    messages,
    waitFor,
    send: (command) => {
      child.stdin?.write(`${JSON.stringify(command)}\n`);
    },
    kill: () => {
      if (done || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        // ESRCH: the whole group has exited already.
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    },
    exited,
  };
}
