// Helpers for integration tests: the database the global setup provided, and a way to start from
// an empty schema.
import pg from 'pg';
import { inject } from 'vitest';

export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

export function testDatabaseKind(): 'postgresql' | 'embedded' {
  return inject('databaseKind');
}

/** Runs one SQL text on a short-lived connection. */
export async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult<T>> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await client.query<T>(text, values);
  } finally {
    await client.end();
  }
}

/** Drops every table, type and migration record: the database as a fresh install sees it. */
export async function resetDatabase(): Promise<void> {
  await sql('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
}
