import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A throwaway PostgreSQL 15 cluster: initdb into a temp dir, its own port and socket, never a system
// cluster. Used by the test run (postgresGlobalSetup.ts) and by bench/storage.

const BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';
const asRoot = process.getuid?.() === 0;

function pg(tool: string, args: readonly string[]): void {
  const command = asRoot ? 'runuser' : join(BIN, tool);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(BIN, tool), ...args] : [...args];
  execFileSync(command, fullArgs, { stdio: 'pipe' });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** A running throwaway cluster. */
export interface PostgresCluster {
  /** The admin URL: postgres://postgres@127.0.0.1:<port>/postgres */
  readonly url: string;
  /** Stops the cluster and deletes its files. */
  stop(): void;
}

/** Starts a private cluster. `fsync` is off unless asked for (tests need speed, benchmarks honesty). */
export async function startPostgresCluster(options: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'formboard-pg-'));
  if (asRoot) execFileSync('chown', ['-R', 'postgres:', dir]);
  else chownSync(dir, process.getuid?.() ?? 0, process.getgid?.() ?? 0);
  const port = await freePort();
  pg('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  pg('pg_ctl', [
    '-D',
    join(dir, 'data'),
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=${options.fsync ? 'on' : 'off'}`,
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        pg('pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
