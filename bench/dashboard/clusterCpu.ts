import { readdirSync, readFileSync } from 'node:fs';
import { rawDialect } from '../../packages/storage/tests/support/rawDialect.ts';

/** `/proc/<pid>/stat` fields after the command name: state, ppid, …, utime (11), stime, cutime, cstime. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

const TICK_MS = 10;

/**
 * CPU time a PostgreSQL cluster on this machine has used so far, in ms (Linux): its postmaster's
 * children — backends and, once they exit, parallel workers — found from one backend's parent. On a
 * machine shared with other work, wall time waits for a core and CPU time does not.
 */
export async function clusterCpu(url: string): Promise<() => number> {
  const raw = rawDialect(url);
  const rows = await raw.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').finally(() => raw.close());
  const postmaster = Number(statFields(Number(rows[0]?.pid))?.[1]);
  return () => {
    const own = statFields(postmaster) ?? [];
    // Exited children (parallel workers, closed connections) count in the postmaster's cutime/cstime.
    let ticks = Number(own[13] ?? 0) + Number(own[14] ?? 0);
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const fields = statFields(Number(entry));
      if (fields && Number(fields[1]) === postmaster) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * TICK_MS;
  };
}
