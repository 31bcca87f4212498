// The CSV export when things go wrong: clients that leave mid-download must give their database
// connection back (the export pool has two), and a database that goes away means 503 with
// Retry-After, never a stack trace. For that, a second app instance reaches its database (the
// external one, or an embedded server of the test's own: the first app's embedded server is one
// session shared by its clients, and a second migration runner on it fails) through a TCP proxy
// the test cuts, as a network failure or a database restart would.
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../support/app-database';
import { startEmbeddedDatabase } from '@/lib/embedded-database';
import { freePort, startApp, type RunningApp } from '../support/app-server';
import { startTcpProxy } from '../support/tcp-proxy';

const externalDatabase = process.env.TEST_DATABASE_URL;
const FIGURES = 30_000;
let app: RunningApp;
let databaseUrl: string;
let dataDir: string;

// A short-lived connection to the app's database, as another editor or instance would use.
const sql = (text: string, values: unknown[] = []) => queryDatabase(databaseUrl, text, values);

/** A TCP proxy to the database that can be cut: open connections are reset, new ones refused. */
async function databaseProxy(target: URL): Promise<{ url: string; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = createConnection(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined).on('close', () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    cut: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'evac-csv-resilience-'));
  if (externalDatabase) {
    databaseUrl = externalDatabase;
    await sql('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  }
  app = await startApp(
    externalDatabase ? { databaseUrl: externalDatabase } : { embeddedDataDir: join(dataDir, 'pglite') },
  );
  const embeddedPort = /on 127\.0\.0\.1:(\d+)/.exec(app.output())?.[1];
  databaseUrl ??= `postgresql://postgres@127.0.0.1:${embeddedPort}/postgres`;
  // An operation of its own with enough figures (several MB of CSV) that a download takes a while.
  await sql(`
    WITH op AS (
      INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
      VALUES ('csv-load', 'Export load', '2021-08-14T00:00:00Z', '2022-08-14T00:00:00Z', 'UTC') RETURNING id
    ), grp AS (
      INSERT INTO population_group (operation_id, slug, name) SELECT id, 'everyone', 'Everyone' FROM op RETURNING id, operation_id
    ), src AS (
      INSERT INTO source (publisher, title, quote)
      VALUES ('Load desk', 'A long bulletin title, repeated on every row of the load test', repeat('word ', 60)) RETURNING id
    )
    INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id)
    SELECT grp.operation_id, grp.id, i, timestamptz '2021-08-14T00:00:00Z' + i * interval '1 minute',
           'CUMULATIVE', timestamptz '2021-08-14T00:00:00Z', src.id
    FROM grp, src, generate_series(1, $1::int) i`, [FIGURES]);
});

afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

// First in the file, so the export pool opens its connections under the database default below.
describe.skipIf(!externalDatabase)('a slow download', () => {
  it('is not cut by a statement timeout set on the database', async () => {
    const database = new URL(databaseUrl).pathname.slice(1) || 'postgres';
    await sql(`ALTER DATABASE "${database}" SET statement_timeout = '1s'`);
    try {
      const response = await fetch(`${app.url}/api/operations/csv-load/figures.csv`);
      const reader = response.body!.getReader();
      let bytes = (await reader.read()).value?.length ?? 0;
      // The cursor's statement stays open while the client pauses, past the 1 s default.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) bytes += chunk.value.length;
      const whole = await (await fetch(`${app.url}/api/operations/csv-load/figures.csv`)).arrayBuffer();
      expect(bytes).toBe(whole.byteLength);
    } finally {
      await sql(`ALTER DATABASE "${database}" RESET statement_timeout`);
    }
  });
});

describe('clients that leave mid-download', () => {
  it('give their connection back: five abandoned downloads, then a whole one', async () => {
    const url = `${app.url}/api/operations/csv-load/figures.csv`;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const controller = new AbortController();
      const response = await fetch(url, { signal: controller.signal });
      expect(response.status).toBe(200);
      await response.body!.getReader().read();
      controller.abort();
    }
    const started = Date.now();
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    const lines = (await whole.text()).trimEnd().split('\n');
    expect(lines).toHaveLength(FIGURES + 1);
    // A leaked connection would have made this wait for the pool's 10 s timeout, then fail.
    expect(Date.now() - started).toBeLessThan(9_000);
  });

  it('HEAD answers with the headers and holds no connection: three HEADs, then a whole download', async () => {
    const url = `${app.url}/api/operations/csv-load/figures.csv`;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const head = await fetch(url, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(head.headers.get('content-disposition')).toBe('attachment; filename="csv-load-figures-latest.csv"');
    }
    expect((await fetch(`${app.url}/api/operations/no-such-operation/figures.csv`, { method: 'HEAD' })).status).toBe(404);
    const started = Date.now();
    const whole = await fetch(url);
    expect((await whole.text()).trimEnd().split('\n')).toHaveLength(FIGURES + 1);
    expect(Date.now() - started).toBeLessThan(9_000);
  });

  it.skipIf(!externalDatabase)('close the connection whose COPY they cut, rather than reuse it mid-protocol', async () => {
    const copying = async () => {
      const { rows } = await sql(
        `SELECT pid FROM pg_stat_activity
         WHERE application_name = 'evacuation-figures-csv-export' AND query LIKE 'COPY%' AND state = 'active'`,
      );
      return rows.map((row) => row.pid as number);
    };
    const controller = new AbortController();
    const response = await fetch(`${app.url}/api/operations/csv-load/figures.csv`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    let pids: number[] = [];
    await expect.poll(async () => (pids = await copying()).length, { timeout: 5_000 }).toBe(1);
    controller.abort();
    await expect
      .poll(async () => (await sql('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [pids[0]])).rows[0].n, { timeout: 5_000 })
      .toBe(0);
  });

  it.skipIf(!externalDatabase)('leave no export transaction open on the server', async () => {
    await expect
      .poll(async () => {
        const { rows } = await sql(
          `SELECT count(*)::int AS open FROM pg_stat_activity
           WHERE application_name = 'evacuation-figures-csv-export' AND state <> 'idle'`,
        );
        return rows[0].open as number;
      }, { timeout: 5_000 })
      .toBe(0);
  });
});

describe('a database that goes away', () => {
  it('answers 503 with Retry-After and no stack trace', async () => {
    const own = externalDatabase ? undefined : await startEmbeddedDatabase({ port: 0 });
    const proxy = await databaseProxy(new URL(own?.url ?? databaseUrl));
    const second = await startApp({ databaseUrl: proxy.url }).catch(async (error: unknown) => {
      await own?.stop();
      throw error;
    });
    try {
      const url = `${second.url}/api/operations/kabul-2021/figures.csv`;
      expect((await fetch(url)).status).toBe(200);
      await proxy.cut();
      const response = await fetch(url);
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ error: 'database_unavailable' });
      expect(body).not.toMatch(/\bat \S+:\d+:\d+|Error:/);
    } finally {
      await second.stop();
      await own?.stop();
    }
  }, 180_000);

  // The connection is lost just as the COPY is sent, while PostgreSQL would be sorting: the 200
  // and the header row are out, so the download can only be cut short, never left waiting. (Seen
  // once in an outage run, with the cursor this export used before: it ignored a loss just after
  // its last rows, and the download waited for ever.)
  it('ends a download whose connection is lost as its COPY starts, and the next one works', async () => {
    const own = externalDatabase ? undefined : await startEmbeddedDatabase({ port: 0 });
    const proxy = await startTcpProxy(own?.url ?? databaseUrl);
    const second = await startApp({ databaseUrl: proxy.url }).catch(async (error: unknown) => {
      await own?.stop();
      throw error;
    });
    try {
      const url = `${second.url}/api/operations/kabul-2021/figures.csv`;
      const whole = await (await fetch(url)).text();
      // A simple query ('Q', length, text) that starts the export's COPY.
      proxy.cutWhenClientSends((chunk) => chunk[0] === 0x51 && chunk.subarray(5, 40).toString('latin1').trimStart().startsWith('COPY ('));
      const started = Date.now();
      const outcome = await fetch(url, { signal: AbortSignal.timeout(20_000) })
        .then(async (response) => `${response.status} ${(await response.text()).length} bytes`)
        .catch((error: unknown) => `failed: ${(error as Error).message}`);
      const ms = Date.now() - started;
      expect(proxy.cuts()).toBe(1);
      console.log(`figures-csv-resilience: a download whose connection was cut as its COPY started: ${outcome} after ${ms} ms`);
      // Cut short (the rows never arrived) or refused, but over within the bound, never a full 200.
      expect(outcome).not.toContain('aborted due to timeout');
      expect(outcome).not.toBe(`200 ${whole.length} bytes`);
      expect(ms).toBeLessThan(10_000);
      proxy.cutWhenClientSends(null);
      const again = await fetch(url, { signal: AbortSignal.timeout(15_000) });
      expect(again.status).toBe(200);
      expect(await again.text()).toBe(whole);
    } finally {
      await second.stop();
      await proxy.close();
      await own?.stop();
    }
  }, 180_000);
});
