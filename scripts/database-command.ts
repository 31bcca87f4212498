// Shared plumbing for command-line tools that talk to the database (seed, admin commands): one
// client from the validated environment, and failures reported as one readable line.
import { pathToFileURL } from 'node:url';
import type { PrismaClient } from '../lib/generated/prisma/client';
import { createPrismaClient } from '../lib/db';
import { describeDatabaseUrl, env } from '../lib/env';
import { describeConnectionError } from '../lib/database-errors';

export function isMainModule(moduleUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && moduleUrl === pathToFileURL(entry).href;
}

export async function runDatabaseCommand(command: (prisma: PrismaClient) => Promise<void>) {
  if (!env.DATABASE_URL) {
    console.error('DATABASE_URL is not set: name the PostgreSQL database to work on');
    process.exit(2);
  }
  const prisma = createPrismaClient(env.DATABASE_URL, 2);
  try {
    await command(prisma);
  } catch (error) {
    console.error(describeConnectionError(error, describeDatabaseUrl(env.DATABASE_URL)));
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}
