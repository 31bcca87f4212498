// The write API when the database is too busy to take a write in time (every connection of the
// app's pool held up): the waiting write gets 503 with Retry-After, not a 500, and stores nothing,
// so the client retries with its Idempotency-Key and the write lands once.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { createApiTokenFor, createStaffAccount } from '../support/staff';
import { figureInput, rowCounts, writeClient, type WriteClient } from '../support/write-api';

let running: AppOnFreshDatabase;
let client: WriteClient;

beforeAll(async () => {
  // One connection in the app's main pool, so one held-up write makes the next one wait.
  running = await startAppOnFreshDatabase('write-busy', { env: { DATABASE_POOL_MAX: '1' } });
  const editor = await createStaffAccount(running.databaseUrl, 'editor');
  client = writeClient(running.app.url, { token: await createApiTokenFor(running.databaseUrl, editor.email) });
});

afterAll(async () => {
  await running?.stop();
});

describe('while the database is too busy', () => {
  it('answers 503 with Retry-After to a write that cannot get a connection in time; its retry lands once', async () => {
    const before = await rowCounts(running.databaseUrl);
    // Another session holds the table every write needs (on the embedded server, any open
    // transaction holds the whole database): the first write waits on it with the app's only
    // connection, so the second cannot get one.
    const holder = new pg.Client({ connectionString: running.databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE source IN ACCESS EXCLUSIVE MODE');
    let held = true;
    const release = async () => {
      if (!held) return;
      held = false;
      await holder.query('COMMIT');
      await holder.end();
    };
    try {
      const first = client.post('kabul-2021/figures', figureInput({ value: 30_100, asOf: '2021-08-23' }), { headers: { 'Idempotency-Key': 'first' } });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = await client.post('kabul-2021/figures', figureInput({ value: 30_200, asOf: '2021-08-24' }), { headers: { 'Idempotency-Key': 'second' } });
      const body = await second.json();
      await release();
      expect({ status: second.status, body }, running.app.output().split('\n').filter((line) => /error/i.test(line)).join('\n')).toEqual({
        status: 503,
        body: { error: 'service_unavailable', message: 'The database is unavailable; try again shortly.' },
      });
      expect(second.headers.get('retry-after')).toBe('5');
      expect((await first).status).toBe(201);

      const retry = await client.post('kabul-2021/figures', figureInput({ value: 30_200, asOf: '2021-08-24' }), { headers: { 'Idempotency-Key': 'second' } });
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
      expect(await rowCounts(running.databaseUrl)).toMatchObject({
        figure: before.figure + 2,
        source: before.source + 2,
        audit_entry: before.audit_entry + 2,
        idempotency_key: before.idempotency_key + 2,
      });
    } finally {
      await release();
    }
  }, 60_000);
});
