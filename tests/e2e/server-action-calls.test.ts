// Server Action calls that Next.js itself cannot read, against the production build: an action id
// the build does not have, a body React cannot decode, a body over the limit. The HTTP server
// refuses them with a short JSON answer (lib/server/action-precheck.ts) where Next.js would answer
// a 500; a call that decodes goes through to the action unchanged, whatever its arguments.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { figureCsv } from '../support/figure-csv';
import { serverActionIds } from '../support/server-actions';
import { createStaffAccount, signIn } from '../support/staff';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node') as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

const IMPORT_PAGE = '/admin/operations/kabul-2021/import';
const UNDECODABLE = { error: 'invalid_action_body', message: 'the request body could not be read as a Server Action call' };
let running: AppOnFreshDatabase;
let importAction: string;
let cookie: string;

beforeAll(async () => {
  running = await startAppOnFreshDatabase('action-calls');
  importAction = serverActionIds().get('importFiguresAction')!;
  cookie = await signIn(running.app.url, await createStaffAccount(running.databaseUrl, 'editor'));
});

afterAll(async () => {
  await running?.stop();
});

function post(body: BodyInit, headers: Record<string, string> = {}, id = importAction) {
  return fetch(`${running.app.url}${IMPORT_PAGE}`, {
    method: 'POST',
    headers: { 'Next-Action': id, Accept: 'text/x-component', Origin: running.app.url, Cookie: cookie, ...headers },
    body,
    redirect: 'manual',
  });
}

/** The import's own call: the page's slug, the form state, and a form with the file. */
async function importCall(csv: string): Promise<FormData> {
  const form = new FormData();
  form.append('file', new File([csv], 'figures.csv', { type: 'text/csv' }));
  form.append('intent', 'preview');
  return (await encodeReply(['kabul-2021', { status: 'idle' }, form])) as FormData;
}

const figureCount = async () => Number((await queryDatabase(running.databaseUrl, 'SELECT count(*) AS n FROM figure')).rows[0].n);

describe('a Server Action call Next.js cannot read', () => {
  it('names an action the build does not have: 404 JSON, with the marker the Next.js client reads', async () => {
    for (const id of [randomBytes(21).toString('hex'), 'x', '', `${importAction.slice(0, -1)}${importAction.endsWith('0') ? '1' : '0'}`]) {
      const response = await post('[]', {}, id);
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-nextjs-action-not-found')).toBe('1');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(await response.json()).toMatchObject({ error: 'unknown_action' });
    }
  });

  it('has a body React cannot decode: 400 JSON saying so, and nothing stored', async () => {
    const before = await figureCount();
    const valid = await importCall(figureCsv([{ revision_id: '900' }]));
    const encoded = new Request('http://x.invalid', { method: 'POST', body: valid });
    const type = encoded.headers.get('content-type')!;
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    const bodies: [string, BodyInit, Record<string, string>][] = [
      ['not JSON', 'x', {}],
      ['cut JSON', '["kabul-2021",{"status":"idle"', {}],
      ['empty', '', {}],
      ['a number, not arguments', '5', {}],
      ['null', 'null', {}],
      ['a reference to a missing part', '["kabul-2021",{"status":"idle"},"$Q1"]', {}],
      ['a reference to an unknown action', `["$h1"]`, {}],
      ['multipart cut short', bytes.slice(0, bytes.length - 20), { 'Content-Type': type }],
      ['multipart without a boundary', bytes, { 'Content-Type': 'multipart/form-data' }],
      ['multipart with another boundary', bytes, { 'Content-Type': 'multipart/form-data; boundary=elsewhere' }],
    ];
    for (const [what, body, headers] of bodies) {
      const response = await post(body, headers);
      expect(response.status, what).toBe(400);
      expect(response.headers.get('content-type'), what).toMatch(/^application\/json/);
      expect(await response.json(), what).toEqual(UNDECODABLE);
    }
    expect(await figureCount()).toBe(before);
  });

  it('is over the Server Action body limit: 413, not read to the end', async () => {
    const response = await post(new Uint8Array(22 * 1024 * 1024), { 'Content-Type': 'text/plain' }).catch(() => null);
    // The server may close the connection before the whole body is sent.
    if (response) {
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: 'body_too_large' });
    }
  });
});

describe('a Server Action call that decodes', () => {
  it('reaches the action byte for byte: a multipart import preview with its file', async () => {
    const response = await post(await importCall(figureCsv([{ revision_id: '901', value: '26000' }])));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/x-component/);
    const flight = await response.text();
    expect(flight).toContain('"status":"reported"');
    expect(flight).toContain('"name":"figures.csv"');
  });

  it('reaches the action with arguments it does not expect, which it refuses without a 500', async () => {
    for (const body of ['[]', '{}', '["kabul-2021"]', '["kabul-2021",{"status":"idle"},"not a form"]', '["kabul-2021",{"status":"idle"},"$K1"]']) {
      const response = await post(body);
      expect(response.status, body).toBe(200);
      expect(await response.text(), body).toContain('"status":"no_file"');
    }
  });
});
