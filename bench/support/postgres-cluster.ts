// A throwaway PostgreSQL 15 cluster for the benchmarks: initdb into a fresh folder under /tmp, owned
// by user postgres (initdb refuses to run as root), started on a free loopback port, and removed
// again on stop. The embedded PGlite serialises every query on one WebAssembly thread, so load
// numbers against it say little about production; this is what the app runs on there.
import { spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../tests/support/app-server';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  url: string;
  version: string;
  /** The postmaster: its process tree is the database's CPU use. */
  pid: number;
  stop(): void;
}

/** Runs a PostgreSQL binary as user postgres when we are root (as on CI), as ourselves otherwise. */
function runAsPostgres(binary: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const command = asRoot ? 'runuser' : join(PG_BIN, binary);
  const fullArgs = asRoot ? ['-u', 'postgres', '--', join(PG_BIN, binary), ...args] : args;
  const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`${binary} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

function postgresUid(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const root = mkdtempSync('/tmp/evac-bench-pg-');
  const owner = postgresUid();
  if (owner) chownSync(root, owner.uid, owner.gid);
  const dataDir = join(root, 'data');
  const port = await freePort();
  runAsPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
  // Unix socket in our folder (not /var/run/postgresql, which may not exist or be someone else's);
  // loopback TCP only; fsync stays on, as in production, though a read benchmark never waits on it.
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1`;
  runAsPostgres('pg_ctl', ['-D', dataDir, '-w', '-l', join(root, 'log'), '-o', options, 'start']);
  const version = runAsPostgres('postgres', ['--version']).match(/\d+\.\d+/)?.[0] ?? '?';
  let stopped = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    version,
    pid: Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        runAsPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  };
}
