// Bad input to the write API over HTTP: each gets a 4xx that names what was wrong, and nothing is
// stored (no figure, source, audit entry or idempotency key: the row counts do not move).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { keepAliveClient } from '../support/keep-alive-client';
import { createApiTokenFor, createStaffAccount } from '../support/staff';
import {
  eventInput,
  figureInput,
  rowCounts,
  seededFigureId,
  statementInput,
  targetInput,
  testSource,
  writeClient,
  writeRoutes,
  type PostOptions,
  type WriteClient,
} from '../support/write-api';

let running: AppOnFreshDatabase;
let client: WriteClient;
let token: string;
let seededId: number;

beforeAll(async () => {
  running = await startAppOnFreshDatabase('write-validation');
  const editor = await createStaffAccount(running.databaseUrl, 'editor');
  token = await createApiTokenFor(running.databaseUrl, editor.email);
  client = writeClient(running.app.url, { token });
  seededId = await seededFigureId(running.databaseUrl);
});

afterAll(async () => {
  await running?.stop();
});

/** Posts, and checks that the database holds exactly what it held before. */
async function postStoringNothing(path: string, body: unknown, options?: PostOptions) {
  const before = await rowCounts(running.databaseUrl);
  const response = await client.post(path, body, options);
  const text = await response.text();
  expect(await rowCounts(running.databaseUrl), `${path} stored something`).toEqual(before);
  expect(response.headers.get('cache-control')).toBe('no-store');
  // Never a stack trace, whatever the refusal.
  expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
  return { status: response.status, headers: response.headers, body: JSON.parse(text) };
}

const withoutSource = () => ({ ...figureInput(), source: undefined });

const refusedFields: [string, string, unknown, string, RegExp][] = [
  ['a figure without a source', 'figures', withoutSource(), 'source', /is required/],
  ['a negative value', 'figures', figureInput({ value: -5 }), 'value', /whole number from 0 to 1,000,000,000/],
  ['a fractional value', 'figures', figureInput({ value: 30_400.5 }), 'value', /whole number/],
  ['a value above a billion', 'figures', figureInput({ value: 1_000_000_001 }), 'value', /whole number/],
  ['a value that is not a number', 'figures', figureInput({ value: 'thirty thousand' }), 'value', /whole number/],
  ['an as-of date years ahead', 'figures', figureInput({ asOf: '2031-08-23' }), 'asOf', /more than a day in the future/],
  ['an impossible as-of date', 'figures', figureInput({ asOf: '2021-02-30' }), 'asOf', /must be a date/],
  ['a javascript: URL as the source', 'figures', figureInput({ source: { ...testSource, url: 'javascript:alert(document.cookie)' } }), 'source.url', /http:\/\/ or https:\/\//],
  ['50 KB of text in the source quote', 'figures', figureInput({ source: { ...testSource, quote: 'x'.repeat(50_000) } }), 'source.quote', /at most 2,000 characters/],
  ['a running total lower than the latest 25,100', 'figures', figureInput({ value: 20_000 }), 'value', /lower than the latest figure on this basis \(25,100/],
  ['a group the operation does not have', 'figures', figureInput({ group: 'martians' }), 'group', /one of this operation's groups: .*all-evacuees/],
  ['a goal whose high end is below its low end', 'targets', targetInput({ low: 15_000, high: 10_000 }), 'high', /at least the low end/],
  ['an event of an unknown kind', 'events', eventInput({ kind: 'party' }), 'kind', /must be one of: milestone/],
  ['a statement without its quote', 'statements', statementInput({ quote: '   ' }), 'quote', /is required/],
  ['a correction without a reason', 'figures/SEEDED/corrections', { action: 'correct', value: 25_200, source: testSource }, 'reason', /is required/],
  ['a correction without the corrected number', 'figures/SEEDED/corrections', { action: 'correct', reason: 'Recount', source: testSource }, 'value', /corrected number/],
  ['a correction whose body names another figure', 'figures/SEEDED/corrections', { replaces: 1234, action: 'retract', reason: 'x', source: testSource }, 'replaces', /named in the path/],
];

describe('bad input is refused with a 400 naming the field, and nothing is stored', () => {
  it.each(refusedFields)('%s', async (_what, route, body, field, message) => {
    const path = `kabul-2021/${route.replace('SEEDED', String(seededId))}`;
    const response = await postStoringNothing(path, body);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('invalid_input');
    const named = response.body.errors.find((error: { field: string }) => error.field === field);
    expect(named, JSON.stringify(response.body.errors)).toBeDefined();
    expect(named.message).toMatch(message);
    expect(response.body.message).toContain(field);
  });

  it('names every wrong field at once', async () => {
    const response = await postStoringNothing('kabul-2021/figures', figureInput({ value: -1, kind: 'guess', source: { title: 'x' } }));
    expect(response.status).toBe(400);
    const fields = response.body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['value', 'kind', 'source.publisher']));
  });

  it('refuses an Idempotency-Key that is not printable ASCII, naming the header', async () => {
    for (const key of ['has spaces in it', 'k'.repeat(201), 'clé']) {
      const response = await postStoringNothing('kabul-2021/figures', figureInput(), { headers: { 'Idempotency-Key': key } });
      expect(response.status, key).toBe(400);
      expect(response.body.errors[0].field).toBe('Idempotency-Key');
    }
  });
});

describe('bodies that are not a JSON object of a sane size', () => {
  it('answers 413 to 100 KB of text in a field, before reading it all', async () => {
    const response = await postStoringNothing('kabul-2021/figures', figureInput({ source: { ...testSource, quote: 'x'.repeat(100_000) } }));
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: 'payload_too_large', message: 'The body must be at most 64 KB.' });
  });

  it('answers 413 to a chunked body with no Content-Length that grows past the limit', async () => {
    const chunk = new TextEncoder().encode(`{"padding":"${'x'.repeat(16_000)}`);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const response = await postStoringNothing('kabul-2021/figures', null, { raw: stream });
    expect(response.status).toBe(413);
  });

  it('keeps the connection usable after a 413, so the client’s next request on it is answered', async () => {
    const connection = keepAliveClient(running.app.url);
    try {
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const path = '/api/operations/kabul-2021/figures';
      const oversized = Buffer.from(JSON.stringify(figureInput({ source: { ...testSource, quote: 'x'.repeat(100_000) } })));
      expect((await connection.post(path, headers, oversized)).status).toBe(413);
      const chunked = Array.from({ length: 8 }, () => Buffer.from(`${' '.repeat(16_000)}`));
      expect((await connection.post(path, headers, chunked)).status).toBe(413);
      const next = await connection.post(path, headers, Buffer.from('{"value": -1}'));
      expect(next.status).toBe(400);
      expect(connection.connections()).toBe(1);
    } finally {
      connection.close();
    }
  });

  it('closes the connection after refusing a body over 1 MB, rather than read it all', async () => {
    const connection = keepAliveClient(running.app.url);
    try {
      const headers = { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
      const path = '/api/operations/kabul-2021/figures';
      for (const body of [Buffer.alloc(2_000_000, 0x20), Array.from({ length: 40 }, () => Buffer.alloc(50_000, 0x20))]) {
        const refused = await connection.post(path, headers, body);
        expect(refused.status).toBe(413);
        expect(refused.headers.connection).toBe('close');
        expect((await connection.post(path, headers, Buffer.from('{"value": -1}'))).status).toBe(400);
      }
    } finally {
      connection.close();
    }
  });

  it.each([
    ['text/plain', 'value=30400'],
    ['application/x-www-form-urlencoded', 'value=30400'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['application/json; charset=latin1', '{}'],
  ])('answers 415 to Content-Type %s', async (type, raw) => {
    const response = await postStoringNothing('kabul-2021/figures', null, { raw, headers: { 'Content-Type': type } });
    expect(response.status).toBe(415);
    expect(response.headers.get('accept-post')).toBe('application/json');
    expect(response.body.error).toBe('unsupported_media_type');
  });

  it.each([
    ['broken JSON', '{"value": 30400,', 'invalid_json'],
    ['an empty body', '', 'invalid_json'],
    ['a JSON array', '[1, 2]', 'invalid_input'],
    ['JSON null', 'null', 'invalid_input'],
  ])('answers 400 to %s', async (_what, raw, error) => {
    const response = await postStoringNothing('kabul-2021/figures', null, { raw });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe(error);
  });
});

describe('what is not there', () => {
  it('answers 404 for an unknown operation on every write route', async () => {
    for (const [route, body] of writeRoutes(seededId)) {
      const response = await postStoringNothing(`no-such-operation/${route}`, body);
      expect(response.status, route).toBe(404);
      expect(response.body.error).toBe('not_found');
    }
  });

  it('answers 404 for a correction of a figure that does not exist', async () => {
    for (const id of ['999999', 'abc', '0', '99999999999']) {
      const response = await postStoringNothing(`kabul-2021/figures/${id}/corrections`, { action: 'retract', reason: 'x', source: testSource });
      expect(response.status, id).toBe(404);
      expect(response.body).toEqual({ error: 'not_found', message: `No figure ${id} in operation "kabul-2021".` });
    }
  });
});
