// Direct access to the database a running app uses, for tests that change data "elsewhere"
// (as another editor or instance would) and watch the page react.
import pg from 'pg';
import type { RunningApp } from './app-server';

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
