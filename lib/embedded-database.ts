// The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) served on the
// PostgreSQL wire protocol, so the app talks to it through exactly the same adapter-pg code path
// as to a real server. Used by `npm start`/`npm run dev` when DATABASE_URL is unset, and by the
// test suite when TEST_DATABASE_URL is unset.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { keepQueryBatchesTogether } from './embedded-query-queue';

/**
 * Sockets the embedded server accepts. PGlite runs one query at a time whatever this is; the
 * number only has to cover every pool of one app process (see scripts/run.ts), or connections
 * beyond it are refused under load.
 */
export const EMBEDDED_MAX_CONNECTIONS = 16;

export interface EmbeddedDatabase {
  url: string;
  host: string;
  port: number;
  maxConnections: number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Folder for the data files; omit for an in-memory database that vanishes on stop. */
  dataDir?: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  maxConnections?: number;
}

export async function startEmbeddedDatabase(
  options: EmbeddedDatabaseOptions = {},
): Promise<EmbeddedDatabase> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port && options.port > 0 ? options.port : await findFreePort(host);
  const maxConnections = options.maxConnections ?? EMBEDDED_MAX_CONNECTIONS;
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const releaseLock = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;

  const db = await PGlite.create(options.dataDir ?? 'memory://').catch((error: unknown) => {
    releaseLock();
    throw error;
  });
  const server = new PGLiteSocketServer({ db, host, port, maxConnections });
  try {
    // Without this, concurrent queries on different connections can run each other's SQL.
    keepQueryBatchesTogether(server);
    await server.start();
  } catch (error) {
    await db.close();
    releaseLock();
    throw new Error(`Could not start the embedded database on ${host}:${port}: ${String(error)}`);
  }
  return {
    url: `postgresql://postgres:postgres@${host}:${port}/postgres?sslmode=disable`,
    host,
    port,
    maxConnections,
    async stop() {
      await server.stop();
      await db.close();
      releaseLock();
    },
  };
}

/**
 * One process at a time may open a data folder: two PGlite instances writing the same files would
 * corrupt them. A lock file holds the owner's pid; one left by a process that died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(lockFile, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        throw new Error(
          `The embedded database in ${dataDir} is in use by process ${owner}: stop the app first, ` +
            'or set DATABASE_URL to its embedded server',
        );
      }
      rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database folder ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function findFreePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('Could not find a free port'));
      });
    });
  });
}
