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
 * CPU time a process and its descendants have used so far, in ms (Linux): its own, its live
 * descendants', and that of children which have exited (counted in their parent's cutime/cstime). On a
 * machine shared with other work, wall time waits for a core and CPU time does not.
 */
export function processTreeCpu(root: number): () => number {
  return () => {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc'))
      if (/^\d+$/.test(entry)) parents.set(Number(entry), Number(statFields(Number(entry))?.[1]));
    const tree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, parent] of parents)
        if (tree.has(parent) && !tree.has(pid)) {
          tree.add(pid);
          grew = true;
        }
    }
    let ticks = 0;
    for (const pid of tree) {
      const fields = statFields(pid) ?? [];
      ticks +=
        Number(fields[11] ?? 0) + Number(fields[12] ?? 0) + Number(fields[13] ?? 0) + Number(fields[14] ?? 0);
    }
    return ticks * TICK_MS;
  };
}

/**
 * CPU time a PostgreSQL cluster on this machine has used so far, in ms: its postmaster's tree —
 * backends and, once they exit, parallel workers — found from one backend's parent.
 */
export async function clusterCpu(url: string): Promise<() => number> {
  const raw = rawDialect(url);
  const rows = await raw.query<{ pid: number }>('SELECT pg_backend_pid() AS pid').finally(() => raw.close());
  return processTreeCpu(Number(statFields(Number(rows[0]?.pid))?.[1]));
}
