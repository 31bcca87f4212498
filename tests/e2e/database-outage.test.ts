// A real database outage during traffic: the database is stopped while readers and a writer keep
// asking, then started again. While it is down every answer is 503 with Retry-After (JSON for the
// API, a short page for pages), none hangs and none is a 500; once it is back, 2xx resumes within
// 5 s in the same process, and the live stream that stayed open delivers changes again. Then a
// database that does not answer at all (a network that drops every byte): 503 within the bound.
//
// The database is the test's own, so it can be stopped: a throwaway PostgreSQL cluster when the
// run uses PostgreSQL, an embedded server otherwise. The app reaches it through a TCP proxy that
// passes everything on, so the second case can hold every byte.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../support/app-server';
import { openEventStream, type EventStream } from '../support/event-stream';
import { createApiTokenFor, createStaffAccount } from '../support/staff';
import { stoppableDatabase, type StoppableDatabase } from '../support/stoppable-database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { startTraffic, type Answer } from '../support/traffic';

/** How long an instance may answer a view from memory (READ_CACHE_TTL_MS of lib/data/read-cache.ts). */
const READ_CACHE_TTL_MS = 5_000;

/** The notice a page renders when it shows a view as read earlier (components/view-notice.tsx);
 *  its words alone are in every page, among the messages handed to the client. */
const STAND_IN_NOTICE = 'role="status">The database could not be reached just now';

/** The longest any answer may take while the database is down. */
const DOWN_BOUND_MS = 10_000;
/** The longest any answer may take while the database does not answer at all. */
const SILENT_BOUND_MS = 25_000;

let database: StoppableDatabase;
let proxy: TcpProxy;
let app: RunningApp;
let token: string;

beforeAll(async () => {
  database = await stoppableDatabase();
  proxy = await startTcpProxy(database.url);
  app = await startApp({ databaseUrl: proxy.url, env: { DATABASE_POOL_MAX: '4' } });
  const editor = await createStaffAccount(database.url, 'editor');
  token = await createApiTokenFor(database.url, editor.email);
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await proxy?.close();
  await database?.remove();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const describeAnswers = (answers: Answer[]) =>
  answers.map((a) => `${a.name} ${a.status} ${a.ms} ms ${a.body.slice(0, 120).replace(/\s+/g, ' ')}`).join('\n');

function expectUnavailable(answer: Answer) {
  const label = `${answer.name}: ${answer.status} ${answer.body.slice(0, 300)}`;
  expect(answer.status, label).toBe(503);
  expect(answer.retryAfter, label).toMatch(/^\d+$/);
  expect(answer.body, label).not.toMatch(/\bat \S+:\d+:\d+|Error:|digest/);
  if (answer.kind === 'page') {
    expect(answer.contentType, label).toContain('text/html');
    expect(answer.body, label).toContain('temporarily unavailable');
  } else {
    expect(answer.contentType, label).toContain('application/json');
    expect(JSON.parse(answer.body), label).toMatchObject({ error: expect.stringMatching(/unavailable/) });
  }
}

describe('the database goes away during traffic, and comes back', () => {
  let stream: EventStream;

  it('answers 503 with Retry-After while it is down, and 2xx again within 5 s of its return, in the same process', async () => {
    stream = await openEventStream(`${app.url}/api/operations/kabul-2021/live`);
    await stream.next('ready', 10_000);
    const traffic = startTraffic(app.url, token, { loops: 3 });
    await sleep(2_000);
    const stopping = Date.now();
    await database.stop();
    const stopped = Date.now();
    // Views read in the last few seconds may still be answered from memory (lib/data/read-cache.ts)
    // and pages pass the reachability check for a second after its last success: past that, 503.
    await sleep(READ_CACHE_TTL_MS + 4_000);
    const starting = Date.now();
    await database.start();
    const started = Date.now();
    await sleep(8_000);
    // One more of each kind, so every kind is asked at least once well after the return.
    const answers = [...(await traffic.stop()), ...(await startTraffic(app.url, token, { loops: 1, once: true }).done)];

    const before = answers.filter((a) => a.endedAt < stopping);
    const down = answers.filter((a) => a.startedAt > stopped + READ_CACHE_TTL_MS + 1_000 && a.endedAt < starting);
    const resumed = answers.filter((a) => a.startedAt > started + 5_000);
    // A page whose rendering was already under way when the database went shows the view as this
    // instance last read it, and says so (lib/data/operation-page-view.ts); any later page is
    // refused by the reachability check first. A CSV download under way: its 200 and first bytes
    // are sent, and the loss of its connection can only cut the rest short (never a hang).
    const standIn = (a: Answer) => a.kind === 'page' && a.status === 200 && a.body.includes(STAND_IN_NOTICE);
    const cutMidDownload = (a: Answer) =>
      a.name === 'figures.csv' && a.status === 0 && a.startedAt < stopped && a.endedAt >= stopping && /terminated/.test(a.body);
    const summary = describeAnswers(answers.filter((a) => ![200, 201, 503].includes(a.status) && !cutMidDownload(a)));
    // Otherwise never a 500, never without an answer, whatever the moment.
    // On failure, the app's own log of those minutes says where a request stood.
    if (summary) console.log(`database-outage: the app's log\n${app.output().split('\n').filter((line) => !/"status":(200|201|503)\b/.test(line)).join('\n')}`);
    expect(summary, 'answers other than 200, 201 and 503').toBe('');
    expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(DOWN_BOUND_MS);

    expect(before.length).toBeGreaterThan(0);
    expect(before.every((a) => a.status < 300), describeAnswers(before)).toBe(true);
    // Every kind of request was asked while the database was down, and each got a 503.
    expect(new Set(down.map((a) => a.name)).size).toBe(traffic.names.length);
    for (const answer of down) expectUnavailable(answer);
    for (const name of traffic.names) {
      const after = resumed.filter((a) => a.name === name);
      expect(after.length, name).toBeGreaterThan(0);
      expect(after.filter((a) => a.status >= 300), name).toEqual([]);
    }
    // Same process: no restart was needed.
    expect(() => process.kill(app.pid, 0)).not.toThrow();
    console.log(
      `database-outage: ${answers.length} answers (${before.length} before, ${down.length} while down, all 503; ` +
        `${answers.filter(standIn).length} pages mid-render shown as last read, ` +
        `${answers.filter(cutMidDownload).length} downloads cut short; ` +
        `${resumed.length} from 5 s after the return, all 2xx); database stopped in ${stopped - stopping} ms, ` +
        `started in ${started - starting} ms`,
    );
  }, 120_000);

  it('the live stream opened before the outage delivers changes again', async () => {
    const response = await fetch(`${app.url}/api/operations/kabul-2021/figures`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        group: 'us-nationals', kind: 'window', windowStart: '2021-08-22', windowEnd: '2021-08-23', asOf: '2021-08-23',
        value: 4_321, provisional: false, source: { publisher: 'Outage test', title: 'After the outage' },
      }),
    });
    expect(response.status).toBe(201);
    // Up to the feed's reconnect backoff (at most 15 s) if its listening connection is not back yet;
    // it then tells every stream to refetch ('resync').
    const event = await stream.next('change', 20_000);
    expect(['change', 'resync']).toContain((JSON.parse(event.data) as { reason: string }).reason);
    stream.close();
  }, 30_000);
});

describe('a database that does not answer at all', () => {
  it('answers 503 with Retry-After within the bound, and 2xx again once it answers', async () => {
    // Views read by the test before may be answered from memory for a few seconds, and pages pass
    // the reachability check for a second after its last success: let both lapse first.
    await sleep(READ_CACHE_TTL_MS + 1_500);
    proxy.stall();
    const traffic = startTraffic(app.url, token, { loops: 1, once: true, timeoutMs: SILENT_BOUND_MS + 5_000 });
    const answers = await traffic.done;
    proxy.resume();
    for (const answer of answers) {
      expectUnavailable(answer);
      expect(answer.ms, answer.name).toBeLessThan(SILENT_BOUND_MS);
    }
    const resumedAt = Date.now();
    await expect
      .poll(async () => (await fetch(`${app.url}/api/operations/kabul-2021/summary`)).status, { timeout: 5_000, interval: 250 })
      .toBe(200);
    const after = await startTraffic(app.url, token, { loops: 1, once: true }).done;
    expect(describeAnswers(after.filter((a) => a.status >= 300))).toBe('');
    console.log(
      `database-outage (silent database): ${answers.length} answers, all 503, slowest ${Math.max(...answers.map((a) => a.ms))} ms; ` +
        `2xx again ${Date.now() - resumedAt} ms after it answered`,
    );
  }, 90_000);
});

// PostgreSQL only: the embedded database runs one transaction at a time for all its clients, so a
// held lock there would stop the reachability check too.
describe.skipIf(!process.env.TEST_DATABASE_URL)('a page whose reads fail after the reachability check', () => {
  it('shows the view as this instance last read it, saying when; the API answers 503; fresh again after', async () => {
    const page = `${app.url}/operations/kabul-2021`;
    const first = await fetch(page);
    expect(first.status).toBe(200);
    const fresh = await first.text();
    expect(fresh).toContain('25,100');
    expect(fresh).not.toContain(STAND_IN_NOTICE);
    // Past the shared reads' time limit, so the next page reads the database again.
    await sleep(READ_CACHE_TTL_MS + 500);
    // A transaction holding the figures table: SELECT 1 still answers (the page passes the
    // check), but the page's reads wait until the statement timeout cancels them.
    const locker = new pg.Client({ connectionString: database.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE figure IN ACCESS EXCLUSIVE MODE');
      const [standIn, api] = await Promise.all([
        fetch(page, { signal: AbortSignal.timeout(40_000) }),
        fetch(`${app.url}/api/operations/kabul-2021/summary?group=us-nationals`, { signal: AbortSignal.timeout(40_000) }),
      ]);
      const body = await standIn.text();
      expect(standIn.status).toBe(200);
      expect(body).toContain(STAND_IN_NOTICE);
      expect(body).toContain('25,100');
      expect(body).not.toMatch(/\bat \S+:\d+:\d+|Error:/);
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await locker.query('ROLLBACK').catch(() => undefined);
      await locker.end();
    }
    const again = await (await fetch(page)).text();
    expect(again).toContain('25,100');
    expect(again).not.toContain(STAND_IN_NOTICE);
  }, 90_000);
});
