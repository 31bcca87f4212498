// The production server as an operator meets it: a request id on every response, one JSON log
// line per request with no secret in any of them, and a graceful stop on SIGTERM — readiness
// turns 503, live streams end, new connections are refused, a request in flight still completes,
// what is still open at the bound is cut, and the process exits 0.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { rawConnection, responsesIn } from '../support/raw-connection';
import { rawRequest as rawHttpRequest } from '../support/raw-request';
import { createApiTokenFor, createStaffAccount, signIn, type StaffAccount } from '../support/staff';
import { figureInput, targetInput, writeClient } from '../support/write-api';

const SHUTDOWN_TIMEOUT_MS = 4_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let running: AppOnFreshDatabase;
let editor: StaffAccount;
let token: string;

interface LogLine {
  level: string;
  msg: string;
  [key: string]: unknown;
}

/** Every line the app wrote; each must be one JSON object. */
const logLines = (): LogLine[] =>
  running.app
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as LogLine;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });

const requestLines = (requestId: string) => logLines().filter((line) => line.msg === 'request' && line.requestId === requestId);

/** The request's log line, once written (it is written when the response is done). */
async function requestLine(requestId: string): Promise<LogLine> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const lines = requestLines(requestId);
    if (lines.length > 0) {
      expect(lines).toHaveLength(1);
      return lines[0]!;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No log line for request ${requestId}:\n${running.app.output()}`);
}

beforeAll(async () => {
  running = await startAppOnFreshDatabase('production-server', {
    env: { SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), LOG_LEVEL: 'info' },
  });
  editor = await createStaffAccount(running.databaseUrl, 'editor');
  token = await createApiTokenFor(running.databaseUrl, editor.email);
});

afterAll(async () => {
  await running?.stop();
});

/** The address of the largest script the home page loads, e.g. /_next/static/chunks/x.js. */
async function firstScriptPath(): Promise<string> {
  const html = await (await fetch(`${running.app.url}/`)).text();
  const paths = [...html.matchAll(/<script src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!);
  expect(paths.length).toBeGreaterThan(0);
  const size = (path: string) => readFileSync(buildFile(path)).length;
  return paths.sort((a, b) => size(b) - size(a))[0]!;
}

const buildFile = (path: string) => fileURLToPath(new URL(`../../.next/${path.slice('/_next/'.length)}`, import.meta.url));

/** A raw GET (or other method), so the test chooses Accept-Encoding and sees the bytes as sent. */
const rawRequest = (path: string, headers: Record<string, string>, method = 'GET') =>
  rawHttpRequest(`${running.app.url}${path}`, headers, method);

/** The environment of the HTTP server process (scripts/serve-entry.mjs) in the app's process group. */
function serverEnvironment(): Map<string, string> {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      // pgrp is the 5th field of /proc/<pid>/stat, counted after the command name in parentheses.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== running.app.pid || !readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('serve-entry.mjs')) continue;
      const pairs = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').filter(Boolean);
      return new Map(pairs.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
    } catch {
      // a process that ended meanwhile
    }
  }
  throw new Error('no server process found in the app\'s process group');
}

describe('the server process', () => {
  it('runs with the allocator settings that keep its resident memory down (scripts/server-memory.ts)', () => {
    const environment = serverEnvironment();
    expect(environment.get('MALLOC_MMAP_THRESHOLD_')).toBe('131072');
    expect(environment.get('MALLOC_ARENA_MAX')).toBe('2');
  });
});

describe('static files', () => {
  it('are sent as compressed at build time: Brotli or gzip as accepted, identical once decoded, cached for good', async () => {
    const path = await firstScriptPath();
    const original = readFileSync(buildFile(path));
    const brotli = await rawRequest(path, { 'Accept-Encoding': 'gzip, deflate, br' });
    const gzip = await rawRequest(path, { 'Accept-Encoding': 'gzip' });
    const plain = await rawRequest(path, {});
    expect([brotli.status, gzip.status, plain.status]).toEqual([200, 200, 200]);
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(brotli.body).equals(original)).toBe(true);
    // The strongest settings, made once: well under the gzip Next.js makes per request.
    expect(brotli.body.length).toBeLessThan(original.length / 3);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(original)).toBe(true);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
    for (const response of [brotli, gzip, plain]) {
      expect(response.headers['content-type']).toMatch(/javascript/);
      expect(response.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
      expect(response.headers.vary).toMatch(/Accept-Encoding/i);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['content-security-policy']).toContain("default-src 'none'");
      expect(response.headers['x-request-id']).toMatch(UUID);
    }
    // The request log names the path as asked for.
    expect((await requestLine(String(brotli.headers['x-request-id']))).path).toBe(path);
    const again = await rawRequest(path, { 'Accept-Encoding': 'br', 'If-None-Match': String(brotli.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('answer GET and HEAD only, ignore Range, and nothing outside the build is reachable', async () => {
    const path = await firstScriptPath();
    const head = await rawRequest(path, { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const refused = await rawRequest(path, {}, method);
      expect(refused.status, method).toBe(405);
      expect(refused.headers.allow).toBe('GET, HEAD');
    }
    // Malformed or reversed ranges made Next.js answer 500: the whole file instead.
    for (const range of ['bytes=abc', 'bytes=5-2', 'bytes=0-0,5-6', 'bytes=99999999-']) {
      const whole = await rawRequest(path, { Range: range });
      expect(whole.status, range).toBe(200);
      expect(whole.body.equals(readFileSync(buildFile(path))), range).toBe(true);
    }
    for (const outside of ['/_next/static/chunks/no-such-file.js', '/_next/static/../BUILD_ID', '/_next/static/%2e%2e/BUILD_ID', '/_next/static/chunks/../../server/app/page.js']) {
      const response = await rawRequest(outside, {});
      expect(response.status, outside).toBeGreaterThanOrEqual(400);
      expect(response.status, outside).toBeLessThan(500);
    }
  });
});

describe('request ids', () => {
  it('come back on every response: pages, API, errors, static files', async () => {
    for (const [path, status] of [
      ['/', 200],
      ['/api/health/live', 200],
      ['/api/operations/kabul-2021/summary', 200],
      ['/api/operations/no-such-operation/summary', 404],
      ['/no-such-page', 404],
      ['/icon.svg', 200],
      [await firstScriptPath(), 200],
    ] as const) {
      const response = await fetch(`${running.app.url}${path}`);
      expect(response.status, path).toBe(status);
      expect(response.headers.get('x-request-id'), path).toMatch(UUID);
      await response.arrayBuffer();
    }
  });

  it('keep a safe id sent by a proxy in front, and replace anything else', async () => {
    const echo = async (given: string) =>
      (await fetch(`${running.app.url}/api/health/live`, { headers: { 'X-Request-Id': given } })).headers.get('x-request-id');
    expect(await echo('lb-7f3a.trace_01')).toBe('lb-7f3a.trace_01');
    for (const unsafe of ['has space', 'x'.repeat(65), '"}{"level":"fatal', 'a,b', '../../etc']) {
      expect(await echo(unsafe), unsafe).toMatch(UUID);
    }
  });
});

describe('the request log', () => {
  it('has one JSON line per request with method, path, status, duration and its id', async () => {
    const response = await fetch(`${running.app.url}/api/operations/kabul-2021/summary?asOf=2021-08-22&group=afghans`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    const requestId = response.headers.get('x-request-id')!;
    const line = await requestLine(requestId);
    expect(line).toMatchObject({
      level: 'info',
      method: 'GET',
      // The path only: a query string may carry what does not belong in a log.
      path: '/api/operations/kabul-2021/summary',
      status: 200,
      remoteAddress: '127.0.0.1',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line.bytes).toBeGreaterThan(Number(response.headers.get('content-length') ?? 0));
    expect(Date.parse(String(line.time))).toBeGreaterThan(Date.now() - 60_000);

    const missing = await fetch(`${running.app.url}/api/operations/kabul-2021/figures/999999999`);
    await missing.arrayBuffer();
    expect(await requestLine(missing.headers.get('x-request-id')!)).toMatchObject({ status: 404, method: 'GET' });
  });

  it('holds no password, session cookie, API token or idempotency key, and the audit entry has the request id', async () => {
    const wrongPassword = `wrong horse ${Date.now()}`;
    const refused = await fetch(`${running.app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: running.app.url },
      body: JSON.stringify({ email: editor.email, password: wrongPassword }),
    });
    expect(refused.status).toBe(401);
    const cookie = await signIn(running.app.url, editor);
    const byCookie = await writeClient(running.app.url, { cookie, origin: running.app.url }).post('kabul-2021/targets', targetInput());
    expect(byCookie.status).toBe(201);
    const idempotencyKey = `key-${crypto.randomUUID()}`;
    const byToken = await writeClient(running.app.url, { token }).post('kabul-2021/figures', figureInput({ value: 30_500 }), {
      headers: { 'Idempotency-Key': idempotencyKey },
    });
    expect(byToken.status).toBe(201);
    const { id } = (await byToken.json()) as { id: number };
    const requestId = byToken.headers.get('x-request-id')!;
    expect(await requestLine(requestId)).toMatchObject({ method: 'POST', path: '/api/operations/kabul-2021/figures', status: 201 });

    const output = running.app.output();
    const sessionToken = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1)).split('.')[0]!;
    for (const [what, secret] of [
      ['password', editor.password],
      ['wrong password', wrongPassword],
      ['session cookie', sessionToken],
      ['API token', token],
      ['API token body', token.slice('evac_'.length)],
      ['idempotency key', idempotencyKey],
    ]) {
      expect(output.includes(secret!), `${what} in the log`).toBe(false);
    }

    // The same id ties the log line to the audit entry the write made.
    const { rows } = await queryDatabase(
      running.databaseUrl,
      `SELECT request_id FROM audit_entry WHERE entity_type = 'figure' AND entity_id = $1`,
      [String(id)],
    );
    expect(rows).toEqual([{ request_id: requestId }]);
  });
});

// Last: it stops the app the other tests share.
describe('on SIGTERM', () => {
  it('finishes the request in flight, ends live streams, refuses new connections, cuts the rest at the bound, exits 0', async () => {
    const { url } = running.app;
    const live = await fetch(`${url}/api/operations/kabul-2021/live`);
    const events = live.body!.getReader();
    let seen = '';
    while (!seen.includes('event: ready')) seen += new TextDecoder().decode((await events.read()).value);

    // A write whose body is still on its way when the signal comes, on a connection of its own.
    const body = JSON.stringify(figureInput({ value: 30_600, asOf: '2021-08-24' }));
    const upload = await rawConnection(url);
    const head = (length: number, extra = '') =>
      `POST /api/operations/kabul-2021/figures HTTP/1.1\r\nHost: ${new URL(url).host}\r\n` +
      `Authorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n${extra}\r\n`;
    upload.write(head(Buffer.byteLength(body)) + body.slice(0, 40));
    // And one that will never finish: its client went silent.
    const stuck = await rawConnection(url);
    stuck.write(head(Buffer.byteLength(body)) + body.slice(0, 10));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const started = Date.now();
    const exited = running.app.stop('SIGTERM');
    const stopping = async () => {
      while (!logLines().some((line) => line.msg.startsWith('stopping'))) await new Promise((r) => setTimeout(r, 20));
    };
    await stopping();

    // The live stream ends (the browser reconnects elsewhere), without waiting for the bound.
    const streamEnd = await Promise.race([
      (async () => {
        for (;;) if ((await events.read()).done) return 'ended';
      })(),
      new Promise((resolve) => setTimeout(() => resolve('still open'), 2_000)),
    ]);
    expect(streamEnd).toBe('ended');

    // No new connection is accepted (a fresh one: fetch would reuse a kept-alive connection).
    await expect(rawConnection(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    // The upload completes; readiness, pipelined behind it on the same connection, says stopping.
    upload.write(body.slice(40));
    upload.write(`GET /api/health/ready HTTP/1.1\r\nHost: ${new URL(url).host}\r\n\r\n`);
    const answered = await upload.closed;
    const [write, ready] = responsesIn(answered);
    expect(write?.status, answered).toBe(201);
    expect(ready?.status, answered).toBe(503);
    expect(answered).toContain('{"status":"stopping"}');
    const created = /"id":(\d+)/.exec(answered)?.[1];
    const stored = await queryDatabase(running.databaseUrl, 'SELECT value FROM figure WHERE id = $1', [Number(created)]);
    expect(stored.rows).toEqual([{ value: 30_600 }]);

    expect(await exited).toBe(0);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(SHUTDOWN_TIMEOUT_MS - 100);
    expect(elapsed).toBeLessThan(SHUTDOWN_TIMEOUT_MS + 4_000);
    // The stuck upload was cut at the bound, and the log says so, then that the server stopped.
    expect(await stuck.closed).toBe('');
    const lines = logLines();
    expect(lines.find((line) => line.msg === 'cut connections still open at the bound')).toMatchObject({ cut: 1 });
    expect(lines.find((line) => line.msg === 'stopped')).toMatchObject({ level: 'info', signal: 'SIGTERM', cut: 1 });
  });
});
