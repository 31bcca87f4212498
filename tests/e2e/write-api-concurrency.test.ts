// At-most-once and all-or-nothing under concurrency, over HTTP: retries with an Idempotency-Key
// store one row, 50 writers at once lose and duplicate nothing, and two editors correcting the same
// figure at once get one success and one conflict showing what is now in force.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { createApiTokenFor, createStaffAccount } from '../support/staff';
import { figureInput, rowCounts, targetInput, testSource, writeClient, type WriteClient } from '../support/write-api';

let running: AppOnFreshDatabase;
let client: WriteClient;
let otherClient: WriteClient;
const editors: string[] = [];

const sql = (text: string, values: unknown[] = []) => queryDatabase(running.databaseUrl, text, values);
const figuresValued = async (value: number) =>
  Number((await sql('SELECT count(*) FROM figure WHERE value = $1', [value])).rows[0].count);

beforeAll(async () => {
  running = await startAppOnFreshDatabase('write-concurrency');
  for (let i = 0; i < 3; i += 1) editors.push((await createStaffAccount(running.databaseUrl, 'editor')).email);
  client = writeClient(running.app.url, { token: await createApiTokenFor(running.databaseUrl, editors[0]!) });
  otherClient = writeClient(running.app.url, { token: await createApiTokenFor(running.databaseUrl, editors[1]!) });
});

afterAll(async () => {
  await running?.stop();
});

const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

describe('Idempotency-Key', () => {
  it('stores a retried write once; the retry gets the same answer, flagged as a replay', async () => {
    const body = figureInput({ value: 30_001, asOf: '2021-08-23T06:00' });
    const first = await client.post('kabul-2021/figures', body, withKey('retry-1'));
    const retry = await client.post('kabul-2021/figures', body, withKey('retry-1'));
    expect([first.status, retry.status]).toEqual([201, 201]);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const stored = await first.json();
    expect(await retry.json()).toEqual(stored);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(await figuresValued(30_001)).toBe(1);
    expect((await sql(`SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'figure' AND entity_id = $1`, [String(stored.id)])).rows[0].n).toBe(1);
  });

  it('refuses the same key with a different body (409) and stores nothing', async () => {
    expect((await client.post('kabul-2021/figures', figureInput({ value: 30_002, asOf: '2021-08-23T07:00' }), withKey('retry-2'))).status).toBe(201);
    const before = await rowCounts(running.databaseUrl);
    for (const [route, body] of [
      ['figures', figureInput({ value: 30_003, asOf: '2021-08-23T07:00' })],
      ['targets', targetInput()],
    ] as const) {
      const reused = await client.post(`kabul-2021/${route}`, body, withKey('retry-2'));
      expect(reused.status, route).toBe(409);
      expect((await reused.json()).error).toBe('idempotency_key_reused');
    }
    expect(await rowCounts(running.databaseUrl)).toEqual(before);
  });

  it('stores one row for concurrent duplicates: every answer is the same revision, all but one replays', async () => {
    const body = figureInput({ value: 30_004, asOf: '2021-08-23T08:00' });
    const responses = await Promise.all(Array.from({ length: 8 }, () => client.post('kabul-2021/figures', body, withKey('burst-1'))));
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (response) => (await response.json()).id)));
    expect(ids.size).toBe(1);
    expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(7);
    expect(await figuresValued(30_004)).toBe(1);
  });

  it('keeps keys apart per user, and lets a refused write’s key be used again', async () => {
    const mine = await client.post('kabul-2021/figures', figureInput({ value: 30_005, asOf: '2021-08-23T09:00' }), withKey('shared-key'));
    const theirs = await otherClient.post('kabul-2021/figures', figureInput({ value: 30_006, asOf: '2021-08-23T10:00' }), withKey('shared-key'));
    expect([mine.status, theirs.status]).toEqual([201, 201]);

    const refused = await client.post('kabul-2021/figures', figureInput({ value: -1 }), withKey('after-a-typo'));
    expect(refused.status).toBe(400);
    const fixed = await client.post('kabul-2021/figures', figureInput({ value: 30_007, asOf: '2021-08-23T11:00' }), withKey('after-a-typo'));
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();
  });
});

let busyAnswers = 0;

/**
 * Posts as a well-behaved client does: on 503 it waits Retry-After and sends the same request with
 * the same Idempotency-Key again, so a write refused while the server was busy still lands once.
 */
async function postRetryingWhileBusy(writer: WriteClient, body: unknown, key: { headers: Record<string, string> }) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await writer.post('kabul-2021/figures', body, key);
    const json = await response.json();
    if (response.status === 503 && attempt < 5) {
      busyAnswers += 1;
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('retry-after') ?? 1) * 1000));
      continue;
    }
    return { status: response.status, id: json.id as number, replayed: response.headers.get('idempotent-replayed') === 'true' };
  }
}

describe('many writers at once', () => {
  const WRITERS = 50;
  const WRITES_EACH = 20;
  /** Every fourth write is sent twice at once with the same key, as a client retrying on a timeout. */
  const isDuplicated = (write: number) => write % 4 === 0;

  it(`${WRITERS} writers × ${WRITES_EACH} figures, some duplicated: exactly the expected rows and audit entries`, async () => {
    const tokens: string[] = [];
    // One at a time: the embedded server accepts 16 connections, most of them the app's.
    for (let writer = 0; writer < WRITERS; writer += 1) {
      tokens.push(await createApiTokenFor(running.databaseUrl, editors[writer % editors.length]!, `writer ${writer}`));
    }
    const before = await rowCounts(running.databaseUrl);
    const start = Date.parse('2021-08-15T00:00:00+04:30');
    const answers = await Promise.all(
      tokens.map(async (token, writer) => {
        const writerClient = writeClient(running.app.url, { token });
        const statuses: Awaited<ReturnType<typeof postRetryingWhileBusy>>[] = [];
        for (let write = 0; write < WRITES_EACH; write += 1) {
          // Value and as-of grow together across all writers, so no write is a drop whatever the order.
          const step = writer * WRITES_EACH + write;
          const body = figureInput({ group: 'us-nationals', value: 1_000 + step, asOf: new Date(start + step * 60_000).toISOString() });
          const copies = isDuplicated(write) ? 2 : 1;
          const key = withKey(`writer-${writer}-write-${write}`);
          const answers = await Promise.all(Array.from({ length: copies }, () => postRetryingWhileBusy(writerClient, body, key)));
          statuses.push(...answers);
        }
        return statuses;
      }),
    );
    const all = answers.flat();
    // Busy answers are allowed (a loaded machine can run the pool dry), as long as the retry lands.
    if (busyAnswers > 0) console.log(`${busyAnswers} writes answered 503 first and were retried with their key`);
    const duplicates = WRITERS * Array.from({ length: WRITES_EACH }, (_, write) => write).filter(isDuplicated).length;
    const accepted = WRITERS * WRITES_EACH;
    // The server's log says why, if one was not.
    const serverErrors = running.app.output().split('\n').filter((line) => /unexpected error|unavailable|Error/.test(line)).slice(0, 20);
    expect(all.filter((answer) => answer.status !== 201), `every request answered 201; server said:\n${serverErrors.join('\n')}`).toEqual([]);
    expect(all).toHaveLength(accepted + duplicates);
    expect(all.filter((answer) => answer.replayed)).toHaveLength(duplicates);
    expect(new Set(all.map((answer) => answer.id)).size).toBe(accepted);

    expect(await rowCounts(running.databaseUrl)).toEqual({
      ...before,
      figure: before.figure + accepted,
      source: before.source + accepted,
      audit_entry: before.audit_entry + accepted,
      idempotency_key: before.idempotency_key + accepted,
    });
    const { rows } = await sql(
      `WITH ours AS (SELECT f.id, f.value FROM figure f JOIN population_group g ON g.id = f.group_id WHERE g.slug = 'us-nationals'),
            audited AS (SELECT a.entity_id FROM audit_entry a
                         WHERE a.action = 'figure.create' AND a.channel = 'api' AND a.entity_id IN (SELECT id::text FROM ours))
       SELECT (SELECT count(*)::int FROM ours) AS figures, (SELECT count(DISTINCT value)::int FROM ours) AS values,
              (SELECT count(*)::int FROM audited) AS audited, (SELECT count(DISTINCT entity_id)::int FROM audited) AS audited_figures`,
    );
    expect(rows[0]).toEqual({ figures: accepted, values: accepted, audited: accepted, audited_figures: accepted });
  }, 600_000);
});

describe('two editors correcting the same figure at once', () => {
  it('lets exactly one through; the other gets 409 with the value now in force', async () => {
    for (let round = 0; round < 5; round += 1) {
      const created = await client.post('kabul-2021/figures', figureInput({ group: 'afghans', value: 30_000 + round * 1_000, asOf: `2021-08-2${round}` }));
      const figure = await created.json();
      const before = await rowCounts(running.databaseUrl);
      const responses = await Promise.all(
        [client, otherClient].map((editor, i) =>
          editor.post(`kabul-2021/figures/${figure.id}/corrections`, {
            action: 'correct',
            // Above this round's figure and below the next round's, so neither is a drop.
            value: 30_100 + round * 1_000 + i,
            reason: `Editor ${i} recounted`,
            source: testSource,
          }),
        ),
      );
      const answers = await Promise.all(responses.map(async (response) => ({ status: response.status, body: await response.json() })));
      const won = answers.find((answer) => answer.status === 201);
      const lost = answers.find((answer) => answer.status === 409);
      expect(answers.map((answer) => answer.status).sort(), `round ${round}`).toEqual([201, 409]);
      expect(lost!.body).toMatchObject({
        error: 'conflict',
        current: { revisionId: won!.body.id, value: won!.body.value, correctionReason: won!.body.correctionReason, retracted: false },
      });
      expect(await rowCounts(running.databaseUrl)).toEqual({
        ...before,
        figure: before.figure + 1,
        source: before.source + 1,
        audit_entry: before.audit_entry + 1,
      });
    }
  });
});
