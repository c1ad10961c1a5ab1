import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

const SERVER_DIR = join(import.meta.dirname, '../../..');
const MAIN = join(import.meta.dirname, 'engineMain.ts');

/** An outbound call the process made, as it told it: sent at, and answered at unless it was cut. */
export interface EngineCall {
  readonly key: string;
  readonly sentAt: number;
  answeredAt?: number;
}

/** An engine process (engineMain.ts): warm, then started on `go()`. */
export interface EngineProcess {
  readonly child: ChildProcess;
  /** Resolves once it has loaded everything and waits for `go()`. */
  readonly warm: Promise<void>;
  /** Starts the engine; resolves once it runs. */
  go(): Promise<void>;
  /** SIGKILL: no shutdown code runs. Resolves once it is gone and all it wrote was read. */
  kill(): Promise<void>;
  /** When `kill()` had sent the SIGKILL (ms), if it did. */
  readonly killedAt: number | undefined;
  /** The outbound calls it made, in order. */
  calls(): readonly EngineCall[];
  /** What it wrote to stderr (problems the host logged). */
  errors(): string;
}

/**
 * Spawns engineMain.ts on `database` with node and tsx's loader in one process (the tsx command line
 * would run it in a child of its own, which a SIGKILL of the parent leaves running).
 */
export function spawnEngine(database: string, env: Readonly<Record<string, string>>): EngineProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, database], {
    cwd: SERVER_DIR,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  let killedAt: number | undefined;
  let parsed = 0;
  const calls: EngineCall[] = [];
  // Reads the complete lines not read yet for the calls the process told of.
  const readCalls = () => {
    const end = output.lastIndexOf('\n') + 1;
    for (const line of output.slice(parsed, end).split('\n')) {
      if (!line.startsWith('{"event":"send"') && !line.startsWith('{"event":"answered"')) continue;
      const told = JSON.parse(line) as { event: string; key: string; at: number };
      if (told.event === 'send') calls.push({ key: told.key, sentAt: told.at });
      else {
        const call = calls.findLast((c) => c.key === told.key && c.answeredAt === undefined);
        if (call) call.answeredAt = told.at;
      }
    }
    parsed = end;
  };
  const waiters: { event: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const waiter of [...waiters])
      if (output.includes(`{"event":"${waiter.event}"}`)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
  };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    check();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = once(child, 'exit');
  // After 'exit' the pipes may still hold what it wrote last; 'close' comes once they are read.
  const closed = once(child, 'close');
  void exited.then(() => {
    for (const waiter of waiters.splice(0)) waiter.reject(new Error(`the engine process exited: ${errors}`));
  });
  const said = (event: string) =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ event, resolve, reject });
      check();
    });
  const warm = said('warm');
  warm.catch(() => undefined);
  return {
    child,
    warm,
    async go() {
      await warm;
      child.stdin?.write('go\n');
      await said('started');
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        // Taken once the signal is sent: whatever the process told, it told before this time.
        killedAt = Date.now();
      }
      await closed;
    },
    get killedAt() {
      return killedAt;
    },
    calls() {
      readCalls();
      return calls;
    },
    errors: () => errors,
  };
}
