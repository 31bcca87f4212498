// The small pool of plain `pg` connections that CSV exports stream through.
//
// Why not Prisma: Prisma reads a whole result into memory before it returns, and cannot run
// COPY, so a million-row export through it would hold every row in the server at once. COPY …
// TO STDOUT (pg-copy-streams) on a connection of its own reads the socket only as fast as the
// client downloads, and memory stays flat whatever the size.
//
// Why a pool of its own, and only two: an export holds its connection for as long as the download
// lasts, and must never starve the pages and the API of theirs; a third simultaneous export waits
// for a free connection, then gets 503 with Retry-After.
import 'server-only';
import pg from 'pg';
import { env } from '../env';
import { onServerStop } from '../server/stop-hooks';

export const EXPORT_POOL_MAX = 2;

/** How long an export waits to connect or for a free connection before it answers 503. */
export const EXPORT_CONNECT_TIMEOUT_MS = 10_000;

const globalForExports = globalThis as unknown as { figureExportPool?: pg.Pool };

export function exportPool(): pg.Pool {
  if (globalForExports.figureExportPool) return globalForExports.figureExportPool;
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start` or `npm run dev`');
  }
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: EXPORT_POOL_MAX,
    connectionTimeoutMillis: EXPORT_CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // Shown in pg_stat_activity, so an operator can tell export connections apart.
    application_name: 'evacuation-figures-csv-export',
    // A connection left idle in its transaction (an export whose end was never acknowledged) is
    // ended here at the latest, releasing its snapshot. (The export itself sets no statement
    // timeout: see lib/data/figure-export.ts.)
    idle_in_transaction_session_timeout: 120_000,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the app: the pool
  // discards it and the next export connects afresh.
  pool.on('error', () => undefined);
  onServerStop('CSV export pool', 'pools', () => pool.end());
  globalForExports.figureExportPool = pool;
  return pool;
}
