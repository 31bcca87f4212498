// A database a test can stop and start again on the same port with the same data, for real
// outages: with TEST_DATABASE_URL set, a throwaway PostgreSQL cluster of the test's own (the
// shared one must stay up for other files); without it, an embedded PGlite server with its files
// in a temporary folder.
import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../lib/embedded-database';
import { freePort } from './app-server';

export interface StoppableDatabase {
  url: string;
  kind: 'postgresql' | 'embedded';
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its files. */
  remove(): Promise<void>;
}

const exec = promisify(execFile);
const PG_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** Why a PostgreSQL cluster cannot be started here, or null when it can. */
export function postgresClusterUnavailable(): string | null {
  if (!existsSync(join(PG_BIN, 'initdb'))) return `no initdb in ${PG_BIN} (set POSTGRES_BIN)`;
  const user = userInfo().username;
  if (user !== 'root' && user !== 'postgres') return `initdb must run as root (via su postgres) or as postgres, not as ${user}`;
  return null;
}

export function stoppableDatabase(): Promise<StoppableDatabase> {
  return process.env.TEST_DATABASE_URL ? postgresCluster() : embeddedServer();
}

async function embeddedServer(): Promise<StoppableDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'evac-outage-db-'));
  const dataDir = join(dir, 'pglite');
  let server: EmbeddedDatabase | undefined = await startEmbeddedDatabase({ port: 0, dataDir });
  const port = server.port;
  const url = server.url;
  return {
    url,
    kind: 'embedded',
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      server = await startEmbeddedDatabase({ port, dataDir });
    },
    async remove() {
      await server?.stop();
      server = undefined;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresCluster(): Promise<StoppableDatabase> {
  const reason = postgresClusterUnavailable();
  if (reason) throw new Error(`Cannot start a PostgreSQL cluster for this test: ${reason}`);
  const dir = mkdtempSync(join(tmpdir(), 'evac-outage-pg-'));
  const asRoot = userInfo().username === 'root';
  if (asRoot) chownSync(dir, ...postgresIds());
  const port = await freePort();
  // Asynchronous, so the test's traffic keeps flowing (and is timed right) while it runs.
  const run = (command: string) =>
    asRoot ? exec('su', ['postgres', '-s', '/bin/sh', '-c', command]) : exec('/bin/sh', ['-c', command]);
  const pgCtl = (action: string) =>
    run(
      `${PG_BIN}/pg_ctl -D '${dir}/data' -w -t 60 -l '${dir}/log' ` +
        `-o "-p ${port} -k '${dir}' -c listen_addresses=127.0.0.1 -c fsync=off" ${action}`,
    );
  await run(`${PG_BIN}/initdb -D '${dir}/data' -A trust -U postgres -E UTF8 >/dev/null`);
  await pgCtl('start');
  let running = true;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    kind: 'postgresql',
    async stop() {
      // Immediate: the server goes as in a crash or a power cut, cutting every connection.
      await pgCtl('-m immediate stop');
      running = false;
    },
    async start() {
      await pgCtl('start');
      running = true;
    },
    async remove() {
      if (running) await pgCtl('-m immediate stop');
      running = false;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return [uid, gid];
}
