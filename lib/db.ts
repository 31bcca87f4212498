// The one Prisma client of the app, built on the adapter-pg driver adapter: the same code path
// serves a real PostgreSQL and the embedded PGlite server.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';
import { onServerStop } from './server/stop-hooks';

/** PostgreSQL cancels a statement after this long: a busy database answers 503, not never. */
const STATEMENT_TIMEOUT_MS = 15_000;
/**
 * The app stops waiting for an answer after this long, for a database that does not answer at all
 * (a network that drops every packet, a server frozen mid-query), which no server-side timeout
 * can end. Later than the statement timeout, so a merely slow statement is cancelled cleanly by
 * the server first; the connection that timed out is discarded.
 */
const QUERY_TIMEOUT_MS = STATEMENT_TIMEOUT_MS + 5_000;

export function createPrismaClient(connectionString: string, poolMax: number): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: poolMax,
    // Bounded waits: a request must fail clearly rather than hang when the database is away.
    connectionTimeoutMillis: 5_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
  });
  return new PrismaClient({ adapter });
}

// Next.js dev mode re-evaluates modules on every edit; keep one client per process.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function databaseUrl(): string {
  if (!env.DATABASE_URL) {
    throw new Error('DATABASE_URL is not set: start the app with `npm start` or `npm run dev`');
  }
  return env.DATABASE_URL;
}

export function getPrisma(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const prisma = createPrismaClient(databaseUrl(), env.DATABASE_POOL_MAX);
    onServerStop('database pool', 'pools', () => prisma.$disconnect());
    globalForPrisma.prisma = prisma;
  }
  return globalForPrisma.prisma;
}
