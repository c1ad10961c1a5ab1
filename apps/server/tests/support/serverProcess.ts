import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/** The CLI entry and the tsx that runs it, for tests and benchmarks that start real processes (`@formboard/server/testing`). */
export const CLI = join(import.meta.dirname, '../../src/cli/main.ts');
export const TSX = join(import.meta.dirname, '../../node_modules/.bin/tsx');

/** A `formboard serve` child process and the URL it listens on. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed on stdout so far. */
  output(): string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<void>;
  /** SIGKILL (a crash: no shutdown code runs), and wait for the exit. */
  kill(): Promise<void>;
}

/** Starts `formboard serve --port 0 …` and waits until it prints its URL (and `waitFor`, if given). */
export async function startServerProcess(args: string[], waitFor?: string): Promise<ServerProcess> {
  const child = spawn(TSX, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, LANG: 'en_US.UTF-8', LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const ready = () => /running at (http:\S+)/.test(output) && (!waitFor || output.includes(waitFor));
  while (!ready()) {
    const [event] = await Promise.race([
      once(child.stdout, 'data').then(() => ['data']),
      once(child, 'exit').then(() => ['exit']),
    ]);
    if (event === 'exit') throw new Error(`formboard serve exited: ${errors}`);
  }
  return {
    url: /running at (http:\S+)/.exec(output)?.[1] ?? '',
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await once(child, 'exit');
    },
  };
}
