// Applies pending migrations, like `prisma migrate deploy`, through Prisma's WebAssembly schema
// engine (see schema-engine.ts for why). `npm run db:migrate` runs it against DATABASE_URL; the
// app's start script imports `applyPendingMigrations`.
//
// On top of what `migrate deploy` does, it refuses to run when an applied migration's file was
// edited or deleted since: the engine does not notice, and the database would silently differ
// from what the migrations folder says it is.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { connectClient, connectionError, DatabaseConnectionError } from './database-connection';
import { inProcessQueue, withMigrationLock } from './migration-lock';
import {
  defaultMigrationsDir,
  readMigrations,
  scriptMatchesChecksum,
  type MigrationsOnDisk,
} from './migration-files';
import { applyMigrations, withSchemaEngine } from './schema-engine';

export interface ApplyPendingMigrationsOptions {
  connectionString: string;
  log?: (line: string) => void;
  /** Folder of `<timestamp>_<name>/migration.sql` folders; defaults to prisma/migrations. */
  migrationsDir?: string;
}

/** The migrations folder and the database's record of it disagree; nothing was changed. */
export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
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
        const applied = await applyWithEngine(options.connectionString, migrations);
        for (const name of applied) log(`Applied migration ${name}`);
        if (applied.length === 0) log('Database schema is up to date');
        return { applied };
      });
    } finally {
      await lockClient.end().catch(() => {});
    }
  });
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

async function assertHistoryMatches(client: pg.Client, migrations: MigrationsOnDisk): Promise<void> {
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0]?.exists) return;
  // Rolled-back rows are history only, and failed ones are refused by the engine itself with
  // Prisma's own instructions (P3009), so only finished migrations are compared.
  const applied = await client.query<AppliedRow>(
    `SELECT migration_name, checksum FROM _prisma_migrations
      WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY started_at`,
  );
  const onDisk = new Map(migrations.folders.map((folder) => [folder.name, folder.sql]));
  const problems: string[] = [];
  for (const row of applied.rows) {
    const sql = onDisk.get(row.migration_name);
    if (sql === undefined) {
      problems.push(
        `Migration ${row.migration_name} is recorded as applied but its folder is missing from ${migrations.dir}`,
      );
    } else if (!scriptMatchesChecksum(sql, row.checksum)) {
      problems.push(
        `Migration ${row.migration_name} was edited after it was applied (its migration.sql no longer matches the checksum recorded in _prisma_migrations): restore the file and put the change in a new migration`,
      );
    }
  }
  if (problems.length > 0) {
    throw new MigrationHistoryError(`${problems.join('; ')}; refusing to migrate`);
  }
}

async function applyWithEngine(connectionString: string, migrations: MigrationsOnDisk) {
  // Two connections are plenty for the engine, and the embedded server accepts only a few.
  const pool = new pg.Pool({ connectionString, max: 2 });
  pool.on('error', () => {});
  try {
    return await withSchemaEngine(new PrismaPg(pool), (engine) =>
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
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error('DATABASE_URL is not set: point it at the PostgreSQL database to migrate');
    return 2;
  }
  try {
    await applyPendingMigrations({ connectionString, log: (line) => console.log(line) });
    return 0;
  } catch (error) {
    const expected = error instanceof DatabaseConnectionError || error instanceof MigrationHistoryError;
    const message = error instanceof Error ? error.message : String(error);
    console.error(expected ? message : `Migration failed: ${message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Exit explicitly: the engine leaves a 10-second timer behind that would hold the process open.
  void main().then((code) => process.exit(code));
}
