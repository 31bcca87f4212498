// What the database's `_prisma_migrations` table says against what the migrations folder says.
// The schema engine applies whatever is pending, but does not notice an applied migration whose
// file was edited or deleted since; the database would then silently differ from the folder.
import type pg from 'pg';
import { scriptMatchesChecksum, type MigrationsOnDisk } from './migration-files';

/** The migrations folder and the database's record of it disagree; nothing was changed. */
export class MigrationHistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationHistoryError';
  }
}

/** A migration's script failed; the attempt is recorded as failed in `_prisma_migrations`. */
export class MigrationFailedError extends Error {
  constructor(
    readonly migrationName: string,
    cause: unknown,
  ) {
    const reason = (cause instanceof Error ? cause.message : String(cause))
      .replace(/^external connector error\s*/, '')
      .trim();
    // The script ran as one transaction (see pg-migration-adapter.ts), so nothing of it stayed.
    super(
      `Migration ${migrationName} failed: ${reason}\n` +
        `None of its statements were kept. ${rollBackAdvice(migrationName)}`,
      { cause },
    );
    this.name = 'MigrationFailedError';
  }
}

// `prisma migrate resolve --rolled-back` does exactly this, but needs Prisma's native engine.
function rollBackAdvice(migrationName: string): string {
  return (
    'Fix the migration, then mark the failed attempt as rolled back before migrating again: ' +
    `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${migrationName}' AND finished_at IS NULL`
  );
}

interface RecordedMigration {
  migration_name: string;
  checksum: string;
  finished: boolean;
}

async function recordedMigrations(client: pg.Client): Promise<RecordedMigration[]> {
  const table = await client.query<{ exists: boolean }>(
    `SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`,
  );
  if (!table.rows[0]?.exists) return [];
  // Rolled-back attempts are history only: the migration is pending again.
  const { rows } = await client.query<RecordedMigration>(
    `SELECT migration_name, checksum, finished_at IS NOT NULL AS finished
       FROM _prisma_migrations
      WHERE rolled_back_at IS NULL
      ORDER BY started_at`,
  );
  return rows;
}

/** Names of migrations whose last attempt failed and was not marked rolled back. */
export async function failedAttempts(client: pg.Client): Promise<string[]> {
  const recorded = await recordedMigrations(client);
  return recorded.filter((row) => !row.finished).map((row) => row.migration_name);
}

/**
 * Refuses (throws MigrationHistoryError) unless every applied migration is still in the folder,
 * byte for byte as applied, and no earlier attempt is left failed.
 */
export async function assertHistoryMatches(
  client: pg.Client,
  migrations: MigrationsOnDisk,
): Promise<void> {
  const onDisk = new Map(migrations.folders.map((folder) => [folder.name, folder.sql]));
  const problems: string[] = [];
  for (const row of await recordedMigrations(client)) {
    const name = row.migration_name;
    const sql = onDisk.get(name);
    if (!row.finished) {
      problems.push(`Migration ${name} failed in an earlier run. ${rollBackAdvice(name)}`);
    } else if (sql === undefined) {
      problems.push(
        `Migration ${name} is recorded as applied but its folder is missing from ${migrations.dir}`,
      );
    } else if (!scriptMatchesChecksum(sql, row.checksum)) {
      problems.push(
        `Migration ${name} was edited after it was applied (its migration.sql no longer matches ` +
          'the checksum recorded in _prisma_migrations): restore the file and put the change in a new migration',
      );
    }
  }
  if (problems.length > 0) {
    throw new MigrationHistoryError(`${problems.join('; ')}; refusing to migrate`);
  }
}
