// CPU time spent by the processes that serve a request, read from /proc (Linux). On a shared
// machine requests per second swing with everyone else's work, but the CPU time one request costs
// barely moves: it is the steadier ratio between the app and the bare server.
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux architecture Node runs on

interface ProcStat {
  ppid: number;
  /** utime + stime of the process itself, in seconds. */
  own: number;
  /** cutime + cstime: children it has already waited for (e.g. PostgreSQL backends that ended). */
  reaped: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ').map(Number);
    const at = (field: number) => fields[field - 3] ?? 0; // proc(5) numbers fields from 1
    return {
      ppid: at(4),
      own: (at(14) + at(15)) / CLOCK_TICKS_PER_SECOND,
      reaped: (at(16) + at(17)) / CLOCK_TICKS_PER_SECOND,
    };
  } catch {
    return null; // gone, or not Linux
  }
}

const allPids = () => readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);

/** The process that listens on a loopback TCP port, or null when /proc cannot tell. */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let lines: string[] = [];
    try {
      lines = readFileSync(table, 'utf8').split('\n').slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const columns = line.trim().split(/\s+/);
      // local_address is ADDR:PORT, state 0A is LISTEN, column 9 the socket inode.
      if (columns[1]?.endsWith(`:${hexPort}`) && columns[3] === '0A' && columns[9]) inodes.add(columns[9]);
    }
  }
  for (const pid of allPids()) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (inodes.has(target.slice('socket:['.length, -1))) return pid;
      }
    } catch {
      // not ours to read, or gone
    }
  }
  return null;
}

/**
 * CPU seconds used so far by these processes and everything below them (live descendants plus
 * those already reaped). Take it before and after a run: the difference is the run's cost.
 */
export function treeCpuSeconds(roots: number[]): number {
  const stats = new Map<number, ProcStat>();
  for (const pid of allPids()) {
    const stat = readStat(pid);
    if (stat) stats.set(pid, stat);
  }
  let total = 0;
  const seen = new Set<number>();
  const visit = (pid: number, isRoot: boolean) => {
    const stat = stats.get(pid);
    if (!stat || seen.has(pid)) return;
    seen.add(pid);
    total += stat.own + (isRoot ? stat.reaped : 0);
    for (const [child, childStat] of stats) if (childStat.ppid === pid) visit(child, false);
  };
  for (const root of roots) visit(root, true);
  return total;
}

/** A sampler for the server on `url` (with its parent, e.g. the start script) and the database. */
export function cpuSampler(url: string, databasePid: number | null): (() => number) | undefined {
  const server = pidListeningOn(Number(new URL(url).port));
  if (server === null) return undefined;
  const parent = readStat(server)?.ppid;
  const roots = [server, ...(parent && parent > 1 ? [parent] : []), ...(databasePid ? [databasePid] : [])];
  return () => treeCpuSeconds(roots);
}
