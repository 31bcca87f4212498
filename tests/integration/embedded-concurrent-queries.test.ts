// The embedded server shares one PGlite session between its connections. A query sent as an
// extended-protocol batch (Parse, Bind, Execute, Sync) must run as its sender wrote it even when
// another connection's batch arrives in between: before lib/embedded-query-queue.ts, the other
// Parse replaced the unnamed statement, and the first connection ran someone else's SQL (the write
// API under load: "bind message supplies 2 parameters, but prepared statement requires 3").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../lib/embedded-database';
import { WireClient, wire } from '../support/pg-wire';

let database: EmbeddedDatabase;
let pool: pg.Pool;
const dataDir = mkdtempSync(join(tmpdir(), 'evac-embedded-queue-'));
const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

beforeAll(async () => {
  database = await startEmbeddedDatabase({ port: 0, dataDir: join(dataDir, 'pglite') });
  pool = new pg.Pool({ connectionString: database.url, max: 8 });
});

afterAll(async () => {
  await pool?.end();
  await database?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded server with several connections', () => {
  it('runs each connection’s batch as sent when another batch arrives between its Parse and Bind', async () => {
    // A driver in another process (the app) sees its messages split across TCP reads like this.
    const first = await WireClient.connect(database.host, database.port);
    const second = await WireClient.connect(database.host, database.port);
    try {
      first.send(wire.parse('SELECT $1::text AS label'));
      await pause();
      second.send(wire.parse('SELECT $1::int + $2::int AS total'));
      await pause();
      first.send(wire.bind(['evacuees']), wire.execute(), wire.sync());
      expect(await first.untilReady()).toEqual({ rows: [['evacuees']], error: null });
      second.send(wire.bind(['25000', '100']), wire.execute(), wire.sync());
      expect(await second.untilReady()).toEqual({ rows: [['25100']], error: null });
    } finally {
      first.close();
      second.close();
    }
  });

  it('keeps serving others when a connection goes away in the middle of its batch', async () => {
    const leaver = await WireClient.connect(database.host, database.port);
    leaver.send(wire.parse('SELECT $1::int'));
    await pause();
    leaver.close();
    const { rows } = await pool.query('SELECT $1::int AS n', [42]);
    expect(rows).toEqual([{ n: 42 }]);
  }, 10_000);

  it('answers 400 concurrent parameterised reads and writes on 8 connections, each with its own result', async () => {
    await pool.query('CREATE TABLE entry (id serial PRIMARY KEY, label text NOT NULL, amount int NOT NULL)');
    await Promise.all(
      Array.from({ length: 400 }, async (_, i) => {
        if (i % 2 === 0) {
          const { rows } = await pool.query('INSERT INTO entry (label, amount) VALUES ($1, $2) RETURNING label, amount', [`entry ${i}`, i]);
          expect(rows).toEqual([{ label: `entry ${i}`, amount: i }]);
        } else {
          const { rows } = await pool.query('SELECT $1::text AS a, $2::int * 2 AS twice', [`a${i}`, i]);
          expect(rows).toEqual([{ a: `a${i}`, twice: i * 2 }]);
        }
      }),
    );
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM entry');
    expect(rows[0].n).toBe(200);
  });

  it('keeps concurrent transactions apart, each seeing its own uncommitted row', async () => {
    await pool.query('CREATE TABLE probe (owner int NOT NULL)');
    await Promise.all(
      Array.from({ length: 16 }, async (_, owner) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO probe (owner) VALUES ($1)', [owner]);
          const { rows } = await client.query('SELECT count(*)::int AS mine FROM probe WHERE owner = $1', [owner]);
          expect(rows[0].mine).toBe(1);
          await client.query(owner % 2 === 0 ? 'COMMIT' : 'ROLLBACK');
        } finally {
          client.release();
        }
      }),
    );
    const { rows } = await pool.query('SELECT array_agg(owner ORDER BY owner) AS owners FROM probe');
    expect(rows[0].owners).toEqual(Array.from({ length: 8 }, (_, i) => i * 2));
  });
});
