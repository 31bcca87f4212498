// Applies pending migrations, like `prisma migrate deploy`, through Prisma's WebAssembly schema
// engine (see schema-engine.ts for why). `npm run db:migrate` runs it against DATABASE_URL; the
// app's start script imports `applyPendingMigrations`.
//
// On top of what `migrate deploy` does, it refuses to run when an applied migration's file was
// edited or deleted since (migration-history.ts), and sends each script whole, as one
// transaction (pg-migration-adapter.ts).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { connectClient, connectionError, DatabaseConnectionError } from './database-connection';
import { defaultMigrationsDir, readMigrations, type MigrationsOnDisk } from './migration-files';
import {
  assertHistoryMatches,
  failedAttempts,
  MigrationFailedError,
  MigrationHistoryError,
} from './migration-history';
import { inProcessQueue, withMigrationLock } from './migration-lock';
import { migrationAdapterFactory } from './pg-migration-adapter';
import { applyMigrations, withSchemaEngine } from './schema-engine';

export { DatabaseConnectionError } from './database-connection';
export { MigrationFailedError, MigrationHistoryError } from './migration-history';

export interface ApplyPendingMigrationsOptions {
  connectionString: string;
  log?: (line: string) => void;
  /** Folder of `<timestamp>_<name>/migration.sql` folders; defaults to prisma/migrations. */
  migrationsDir?: string;
}

export async function applyPendingMigrations(
  options: ApplyPendingMigrationsOptions,
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  // Read before connecting: a broken migrations folder is reported without touching the database.
  const migrations = await readMigrations(options.migrationsDir ?? defaultMigrationsDir);
  return inProcessQueue(async () => {
    const lockClient = await connectClient(options.connectionString);
    try {
      return await withMigrationLock(lockClient, log, async () => {
        await assertHistoryMatches(lockClient, migrations);
        const applied = await applyWithEngine(options.connectionString, migrations).catch(
          async (error: unknown) => {
            // No attempt was left failed before (checked above), so a failed one now is this run's.
            const [failed] = await failedAttempts(lockClient).catch(() => []);
            throw failed ? new MigrationFailedError(failed, error) : error;
          },
        );
        for (const name of applied) log(`Applied migration ${name}`);
        if (applied.length === 0) log('Database schema is up to date');
        return { applied };
      });
    } finally {
      await lockClient.end().catch(() => {});
    }
  });
}

async function applyWithEngine(
  connectionString: string,
  migrations: MigrationsOnDisk,
): Promise<string[]> {
  // Two connections are plenty for the engine, and the embedded server accepts only a few.
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on('error', () => {});
  try {
    return await withSchemaEngine(migrationAdapterFactory(pool), (engine) =>
      applyMigrations(engine, migrations.list),
    );
  } catch (error) {
    throw isNetworkFailure(error) ? connectionError(connectionString, error) : error;
  } finally {
    await pool.end().catch(() => {});
  }
}

function isNetworkFailure(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined;
  return /ECONNREFUSED|ECONNRESET|Connection terminated/i.test(
    `${error instanceof Error ? error.message : ''} ${cause instanceof Error ? cause.message : ''}`,
  );
}

async function main(): Promise<number> {
  // Imported here, not at the top: lib/env reads process.env once, when first imported, and
  // importers of applyPendingMigrations (tests, the start script) may set it up after importing us.
  const { env } = await import('../lib/env').catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });
  const connectionString = env.DATABASE_URL;
  if (!connectionString) {
    console.error('DATABASE_URL is not set: name the PostgreSQL database to migrate');
    return 2;
  }
  try {
    await applyPendingMigrations({ connectionString, log: (line) => console.log(line) });
    return 0;
  } catch (error) {
    const expected =
      error instanceof DatabaseConnectionError ||
      error instanceof MigrationHistoryError ||
      error instanceof MigrationFailedError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(expected ? message : `Migration failed: ${message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Exit explicitly: the engine leaves a 10-second timer behind that would hold the process open.
  void main().then((code) => process.exit(code));
}
