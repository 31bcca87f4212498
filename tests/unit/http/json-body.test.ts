// The write API's body reader: what a client sending JSON gets for each kind of body, including
// the ones fetch cannot send (a Content-Length that understates the body).
import { describe, expect, it } from 'vitest';
import { DRAIN_LIMIT_BYTES, MAX_JSON_BODY_BYTES, isJsonContentType, readJsonBody } from '../../../lib/http/json-body';

const post = (body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  new Request('http://127.0.0.1/api/operations/kabul-2021/figures', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A body of `bytes` bytes, sent in 1 KB chunks as a client streaming it would; `read()` says how far it got. */
function streamOf(bytes: number): ReadableStream<Uint8Array> & { read(): number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(1024, bytes - sent);
      controller.enqueue(new Uint8Array(size).fill(0x20));
      sent += size;
    },
  });
  return Object.assign(stream, { read: () => sent });
}

describe('isJsonContentType', () => {
  it.each([
    ['application/json', true],
    ['application/json; charset=utf-8', true],
    ['Application/JSON;charset="UTF-8"', true],
    ['application/merge-patch+json', true],
    ['application/json; charset=iso-8859-1', false],
    ['text/json', false],
    ['text/plain', false],
    ['application/jsonp', false],
    [null, false],
  ])('%s → %s', (header, expected) => {
    expect(isJsonContentType(header)).toBe(expected);
  });
});

describe('readJsonBody', () => {
  it('reads a JSON object', async () => {
    expect(await readJsonBody(post('{"value": 30400}'))).toEqual({ ok: true, value: { value: 30_400 } });
  });

  it('counts the bytes as they arrive: a Content-Length that understates the body does not let it through', async () => {
    const request = post(streamOf(MAX_JSON_BODY_BYTES + 1), { 'content-type': 'application/json', 'content-length': '10' });
    const result = await readJsonBody(request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(413);
  });

  it('reads the rest of a body over the limit (and drops it), so the connection stays usable', async () => {
    const body = streamOf(200_000);
    const result = await readJsonBody(post(body));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.status).toBe(413);
      expect(result.response.headers.get('connection')).toBeNull();
    }
    expect(body.read()).toBe(200_000);
  });

  it('stops reading past 1 MB and closes the connection', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 65_536;
        controller.enqueue(new Uint8Array(65_536));
      },
    });
    const result = await readJsonBody(post(endless));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.status).toBe(413);
      expect(result.response.headers.get('connection')).toBe('close');
    }
    expect(sent).toBeLessThan(DRAIN_LIMIT_BYTES + 4 * 65_536);
  });

  it('refuses a declared Content-Length over 1 MB without reading the body', async () => {
    let pulled = 0;
    const body = new ReadableStream({ pull: () => void (pulled += 1) });
    const result = await readJsonBody(post(body, { 'content-type': 'application/json', 'content-length': String(DRAIN_LIMIT_BYTES + 1) }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.headers.get('connection')).toBe('close');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('accepts a body of exactly the limit', async () => {
    const padding = ' '.repeat(MAX_JSON_BODY_BYTES - 2);
    expect(await readJsonBody(post(`{}${padding}`))).toEqual({ ok: true, value: {} });
  });

  it.each([
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'The body is not valid UTF-8.'],
    ['broken JSON', '{"value":', 'The body is not valid JSON.'],
  ])('answers 400 to %s', async (_what, body, message) => {
    const result = await readJsonBody(post(body as BodyInit));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.status).toBe(400);
      expect(await result.response.json()).toEqual({ error: 'invalid_json', message });
    }
  });

  it('answers 415 with Accept-Post to a form', async () => {
    const result = await readJsonBody(post('value=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.response.status).toBe(415);
      expect(result.response.headers.get('accept-post')).toBe('application/json');
    }
  });
});
