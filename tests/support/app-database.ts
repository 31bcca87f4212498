// Direct access to the database a running app uses, for tests that change data "elsewhere"
// (as another editor or instance would) and watch the page react.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startApp, type RunningApp } from './app-server';

/** The app's database URL: the given one, or the embedded server's port from the app's log. */
export async function appDatabase(app: RunningApp, externalUrl?: string): Promise<string> {
  if (externalUrl) return externalUrl;
  const port = /on 127\.0\.0\.1:(\d+)/.exec(app.output())?.[1];
  if (!port) throw new Error(`No embedded database port in the app's output:\n${app.output()}`);
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

export async function resetExternalDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await client.end();
  }
}

/** Adds a cumulative figure for all evacuees of kabul-2021 (since 14 August) with a test source. */
export async function insertFigure(
  url: string,
  figure: { value: number; asOf: string; group?: string; provisional?: boolean },
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `WITH src AS (
         INSERT INTO source (publisher, title) VALUES ('Test desk', 'Figure added by a test') RETURNING id
       )
       INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, provisional, source_id)
       SELECT o.id, g.id, $1, $2, 'CUMULATIVE', '2021-08-14T00:00:00+04:30', $4, src.id
       FROM operation o JOIN population_group g ON g.operation_id = o.id AND g.slug = $3, src
       WHERE o.slug = 'kabul-2021'
       RETURNING figure.id`,
      [figure.value, figure.asOf, figure.group ?? 'all-evacuees', figure.provisional ?? false],
    );
    const id = rows[0]?.id;
    if (id === undefined) throw new Error('The figure was not inserted');
    return id;
  } finally {
    await client.end();
  }
}

export interface AppOnFreshDatabase {
  app: RunningApp;
  /** The database the app uses: TEST_DATABASE_URL, or its embedded server. */
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the production app on an empty database: TEST_DATABASE_URL wiped (the app then migrates
 * and seeds it), or a new embedded database in a temporary folder removed on stop.
 */
export async function startAppOnFreshDatabase(
  label: string,
  options: { env?: Record<string, string> } = {},
): Promise<AppOnFreshDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  const dataDir = mkdtempSync(join(tmpdir(), `evac-${label}-`));
  if (external) await resetExternalDatabase(external);
  const database = external ? { databaseUrl: external } : { embeddedDataDir: join(dataDir, 'pglite') };
  const app = await startApp({ ...database, env: options.env });
  return {
    app,
    databaseUrl: await appDatabase(app, external),
    async stop() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs one SQL text on a short-lived connection to `url`. */
export async function queryDatabase(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
