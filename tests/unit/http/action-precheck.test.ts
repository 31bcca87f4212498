// The Server Action check starts its decoding worker with the first call that needs it, not with
// the server (a worker is a JavaScript engine of its own, resident for the server's life), and
// that first call is checked all the same. Over real HTTP, with the worker decoding for real; the
// build's manifests are written to a folder of the test's own.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActionPrecheck, UNDECODABLE_MESSAGE, type ActionPrecheck } from '@/lib/server/action-precheck';

const ACTION_ID = '7f'.repeat(21);
let root: string;
let precheck: ActionPrecheck;
let server: Server;
let url: string;
let reachedNext = 0;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'action-precheck-'));
  mkdirSync(join(root, '.next/server'), { recursive: true });
  writeFileSync(join(root, '.next/server/server-reference-manifest.json'), JSON.stringify({ node: { [ACTION_ID]: {} } }));
  writeFileSync(join(root, '.next/required-server-files.json'), JSON.stringify({ config: {} }));
  precheck = createActionPrecheck({ root, https: false, logger: pino({ level: 'silent' }) });
  server = createServer(precheck.wrap((_request, response) => {
    reachedNext += 1;
    response.end('next');
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await precheck?.close();
  rmSync(root, { recursive: true, force: true });
});

const call = (body: string, id = ACTION_ID) =>
  fetch(`${url}/admin`, { method: 'POST', headers: { 'Next-Action': id, 'Content-Type': 'text/plain;charset=UTF-8' }, body });

describe('the Server Action check', () => {
  it('holds no worker until a call needs one: pages and unknown actions do not start it', async () => {
    expect(precheck.workerStarted()).toBe(false);
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect((await call('[]', 'unknown')).status).toBe(404);
    expect(precheck.workerStarted()).toBe(false);
  });

  it('checks the very first call that needs decoding: refused when undecodable, passed on when not', async () => {
    const before = reachedNext;
    const refused = await call('["cut');
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'invalid_action_body', message: UNDECODABLE_MESSAGE });
    expect(precheck.workerStarted()).toBe(true);
    expect(reachedNext).toBe(before);

    const passed = await call('["kabul-2021"]');
    expect(passed.status).toBe(200);
    expect(await passed.text()).toBe('next');
    expect(reachedNext).toBe(before + 1);
  });
});
