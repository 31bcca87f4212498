// Before the app serves: reach the database, apply pending migrations, seed it if empty.
// Failures come back as one line naming what went wrong, never a stack trace.
import {
  applyPendingMigrations,
  MigrationFailedError,
  MigrationHistoryError,
} from '../prisma/migrate';
import { seedDatabase } from '../prisma/seed';
import { createPrismaClient } from '../lib/db';
import { describeConnectionError } from '../lib/database-errors';
import { describeDatabaseUrl } from '../lib/env';

export type PrepareResult = { ok: true } | { ok: false; message: string };

export async function prepareDatabase(
  databaseUrl: string,
  log: (line: string) => void = (line) => console.log(line),
): Promise<PrepareResult> {
  const where = describeDatabaseUrl(databaseUrl);
  try {
    await applyPendingMigrations({ connectionString: databaseUrl, log });
  } catch (error) {
    // Migration errors say what to do next on their second line: keep them whole.
    if (error instanceof MigrationFailedError || error instanceof MigrationHistoryError) {
      return { ok: false, message: error.message };
    }
    return { ok: false, message: describeConnectionError(error, where) };
  }
  const prisma = createPrismaClient(databaseUrl, 1);
  try {
    const { created } = await seedDatabase(prisma);
    if (created) log('Seeded the Kabul 2021 operation');
    return { ok: true };
  } catch (error) {
    return { ok: false, message: describeConnectionError(error, where) };
  } finally {
    await prisma.$disconnect();
  }
}
