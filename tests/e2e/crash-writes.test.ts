// Instances killed outright (SIGKILL to every process of each) while writes are in flight, twenty
// times (four instances at a time, each at its own random moment, in five rounds, since starting
// an instance is what takes time): every write that was answered 2xx is in the database with its value, nothing is half
// written (each figure with its source and one audit entry, no source or audit entry without its
// figure, every idempotency record complete and pointing at its figure), and a write left without
// an answer, retried with its Idempotency-Key after the restart, lands exactly once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase } from '../support/app-database';
import { startApp, type RunningApp } from '../support/app-server';
import { createApiTokenFor, createStaffAccount } from '../support/staff';
import { standaloneDatabase, startInstances, type StandaloneDatabase } from '../support/standalone-database';
import { testSource, writeClient } from '../support/write-api';

/** Instances written to and killed together in a round, each at its own moment. */
const INSTANCES = 4;
/** Rounds: INSTANCES × ROUNDS kills in all. */
const ROUNDS = 5;
const WRITERS_PER_INSTANCE = 2;
const TAG = 'Crash test';
const APP_ENV = { env: { DATABASE_POOL_MAX: '4' } };

let database: StandaloneDatabase;
let apps: RunningApp[] = [];
let token: string;

beforeAll(async () => {
  database = await standaloneDatabase();
  apps = await startInstances(INSTANCES, database.url, APP_ENV);
  const editor = await createStaffAccount(database.url, 'editor');
  token = await createApiTokenFor(database.url, editor.email);
}, 300_000);

afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()));
  await database?.stop();
});
interface PlannedWrite {
  key: string;
  value: number;
}

let nextValue = 100_000;
/** A count in a window (no running-total rule between concurrent writers), unique by value. */
const plannedWrite = (): PlannedWrite => ({ key: randomUUID(), value: (nextValue += 1) });
const body = (write: PlannedWrite) => ({
  group: 'us-nationals',
  kind: 'window',
  windowStart: '2021-08-22',
  windowEnd: '2021-08-23',
  asOf: '2021-08-23',
  value: write.value,
  provisional: false,
  source: { ...testSource, publisher: TAG, title: `Write ${write.key}` },
});

async function post(appUrl: string, write: PlannedWrite): Promise<{ status: number; id?: number } | 'no answer'> {
  try {
    const response = await writeClient(appUrl, { token }).post('kabul-2021/figures', body(write), {
      headers: { 'Idempotency-Key': write.key },
    });
    const json = (await response.json()) as { id?: number };
    return { status: response.status, id: json.id };
  } catch {
    return 'no answer';
  }
}

describe('kill -9 during writes', () => {
  it(`loses no acknowledged write and leaves nothing half written, ${INSTANCES * ROUNDS} kills`, async () => {
    const acknowledged = new Map<number, number>(); // value -> figure id
    let inDoubtTotal = 0;
    for (let round = 1; round <= ROUNDS; round += 1) {
      const inDoubt: PlannedWrite[] = [];
      // Each instance gets its writers and is killed at a random moment 200–1500 ms into them.
      await Promise.all(
        apps.map(async (running) => {
          let killed = false;
          const writer = async () => {
            while (!killed) {
              const write = plannedWrite();
              const answer = await post(running.url, write);
              if (answer !== 'no answer' && answer.status === 201 && answer.id !== undefined) acknowledged.set(write.value, answer.id);
              else if (answer === 'no answer' || answer.status >= 500) inDoubt.push(write);
              else throw new Error(`round ${round}: write ${write.value} refused with ${answer.status}`);
            }
          };
          const writers = Array.from({ length: WRITERS_PER_INSTANCE }, writer);
          await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1_300));
          running.kill('SIGKILL');
          killed = true;
          await Promise.all(writers);
          await running.stop();
        }),
      );

      await expectAcknowledgedStored(acknowledged, round);
      await expectNothingHalfWritten(round);

      // The next round's instances (one, after the last round, for the retries).
      const next = await Promise.allSettled(
        Array.from({ length: round < ROUNDS ? INSTANCES : 1 }, () => startApp({ ...APP_ENV, databaseUrl: database.url })),
      );
      apps = next.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      const failed = next.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;

      // What got no answer may or may not have been stored: its retry, with the same key, must
      // leave exactly one figure either way.
      for (const write of inDoubt) {
        const answer = await post(apps[0]!.url, write);
        expect(answer, `retry of ${write.value} after round ${round}`).toMatchObject({ status: 201 });
        if (answer !== 'no answer' && answer.id !== undefined) acknowledged.set(write.value, answer.id);
      }
      inDoubtTotal += inDoubt.length;
    }
    await expectAcknowledgedStored(acknowledged, ROUNDS);
    await expectNothingHalfWritten(ROUNDS);
    const { rows } = await queryDatabase(database.url, `SELECT count(*)::int AS n FROM figure f JOIN source s ON s.id = f.source_id WHERE s.publisher = $1`, [TAG]);
    expect(rows[0].n).toBe(acknowledged.size);
    console.log(
      `crash-writes: ${INSTANCES * ROUNDS} kills, ${acknowledged.size} writes acknowledged and found, ` +
        `${inDoubtTotal} left without an answer and retried`,
    );
    expect(acknowledged.size).toBeGreaterThan(INSTANCES * ROUNDS);
  }, 600_000);
});

async function expectAcknowledgedStored(acknowledged: Map<number, number>, round: number) {
  const { rows } = await queryDatabase(
    database.url,
    `SELECT f.id, f.value, s.title FROM figure f JOIN source s ON s.id = f.source_id WHERE s.publisher = $1`,
    [TAG],
  );
  const stored = new Map(rows.map((row) => [row.value as number, row.id as number]));
  const missing = [...acknowledged].filter(([value, id]) => stored.get(value) !== id);
  expect(missing, `round ${round}: acknowledged writes missing (value, id)`).toEqual([]);
  // One figure per value: no write stored twice.
  expect(new Set(rows.map((row) => row.value)).size).toBe(rows.length);
}

async function expectNothingHalfWritten(round: number) {
  const { rows } = await queryDatabase(
    database.url,
    `SELECT
       (SELECT count(*)::int FROM figure f
         WHERE (SELECT count(*) FROM audit_entry a
                 WHERE a.action = 'figure.create' AND a.entity_type = 'figure' AND a.entity_id = f.id::text) <> 1
           AND f.source_id IN (SELECT id FROM source WHERE publisher = $1)
       ) AS figures_without_one_audit_entry,
       (SELECT count(*)::int FROM audit_entry a
         WHERE a.entity_type = 'figure' AND NOT EXISTS (SELECT 1 FROM figure f WHERE f.id::text = a.entity_id)
       ) AS audit_entries_without_figure,
       (SELECT count(*)::int FROM source s
         WHERE s.publisher = $1 AND NOT EXISTS (SELECT 1 FROM figure WHERE source_id = s.id)
       ) AS sources_without_figure,
       (SELECT count(*)::int FROM idempotency_key k
         WHERE k.status_code IS DISTINCT FROM 201
            OR NOT EXISTS (SELECT 1 FROM figure f WHERE f.id = (k.response_body ->> 'id')::int AND f.value = (k.response_body ->> 'value')::int)
       ) AS idempotency_records_without_figure,
       (SELECT count(*)::int FROM figure f JOIN source s ON s.id = f.source_id
         WHERE s.publisher = $1
           AND NOT EXISTS (SELECT 1 FROM idempotency_key k WHERE s.title = 'Write ' || k.key AND (k.response_body ->> 'id')::int = f.id)
       ) AS figures_without_idempotency_record`,
    [TAG],
  );
  expect(rows[0], `round ${round}`).toEqual({
    figures_without_one_audit_entry: 0,
    audit_entries_without_figure: 0,
    sources_without_figure: 0,
    idempotency_records_without_figure: 0,
    figures_without_idempotency_record: 0,
  });
}
