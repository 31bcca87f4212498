// The one Prisma client of the app, built on the adapter-pg driver adapter: the same code path
// serves a real PostgreSQL and the embedded PGlite server.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';
import { env } from './env';
import { onServerStop } from './server/stop-hooks';

export function createPrismaClient(connectionString: string, poolMax: number): PrismaClient {
  const adapter = new PrismaPg({
    connectionString,
    max: poolMax,
    // Bounded waits: a request must fail clearly rather than hang when the database is away.
    connectionTimeoutMillis: 5_000,
    statement_timeout: 15_000,
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
