// The HTML rewrite as the server applies it: above the compression, on the reader pages' HTML
// only, whatever way the handler writes it. Over real HTTP, with a stand-in for Next.js that
// writes a page the way Next.js does (chunks cut anywhere, or one end() with a Content-Length).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCompression } from '@/lib/server/compressed-responses';
import { createPaintFirstRewrite } from '@/lib/server/paint-first-html';
import { isReaderPage, withPaintFirstScripts } from '@/lib/server/paint-first-response';
import { decodedText, rawRequest } from '../../support/raw-request';

// Long enough to be compressed (over 1 kB), with a multi-byte character on a chunk boundary.
const PAGE =
  '<!DOCTYPE html><html><head><script src="/_next/static/chunks/one.js" async="" nonce="abc"></script>' +
  `</head><body><p class="verdict">${'Kabul — 25,100 out. '.repeat(80)}</p>` +
  '<script src="/_next/static/chunks/boot.js" nonce="abc" async=""></script></body></html>';
const REWRITTEN = (() => {
  const rewrite = createPaintFirstRewrite();
  return rewrite.write(PAGE) + rewrite.end();
})();

let server: Server;
let url: string;

/** Next.js's part: how the page is written depends on the path. */
function standIn(request: IncomingMessage, response: ServerResponse) {
  const path = request.url ?? '';
  if (path.startsWith('/api/')) {
    response.setHeader('Content-Type', 'application/json');
    return response.end(JSON.stringify({ html: PAGE }));
  }
  response.setHeader('Content-Type', 'text/html; charset=utf-8');
  if (path.includes('whole')) {
    const body = Buffer.from(PAGE);
    response.setHeader('Content-Length', body.length);
    return response.end(body);
  }
  // In pieces of 7 bytes: tags, attributes and the em dash's three bytes all get cut.
  const bytes = Buffer.from(PAGE);
  let offset = 0;
  const next = () => {
    if (offset >= bytes.length) return response.end();
    response.write(bytes.subarray(offset, offset + 7));
    offset += 7;
    setImmediate(next);
  };
  next();
}

beforeAll(async () => {
  server = createServer(withCompression(withPaintFirstScripts(standIn)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

async function get(path: string, encoding: string, method = 'GET') {
  const response = await rawRequest(`${url}${path}`, { 'accept-encoding': encoding }, method);
  return { response, used: response.headers['content-encoding'], text: decodedText(response) };
}

describe('the paint-first rewrite in the server', () => {
  it('rewrites a reader page streamed in pieces, then compresses it as the browser asks', async () => {
    for (const encoding of ['br', 'gzip', 'identity']) {
      const { response, used, text } = await get('/operations/kabul-2021', encoding);
      expect(response.status).toBe(200);
      expect(used ?? 'identity').toBe(encoding);
      expect(text).toBe(REWRITTEN);
    }
  });

  it('drops the Content-Length of a page written whole, which the rewrite changes', async () => {
    const { response, text } = await get('/?whole', 'identity');
    expect(text).toBe(REWRITTEN);
    expect(response.headers['content-length']).toBeUndefined();
  });

  it('leaves everything else as the handler wrote it, compressed all the same', async () => {
    const json = await get('/api/operations', 'gzip');
    expect(json.used).toBe('gzip');
    expect(JSON.parse(json.text)).toEqual({ html: PAGE });
    for (const path of ['/admin/sign-in', '/admin/whole']) {
      const staff = await get(path, 'gzip');
      expect(staff.text, path).toBe(PAGE);
    }
    const post = await get('/operations/kabul-2021', 'identity', 'POST');
    expect(post.text).toBe(PAGE);
  });

  it('knows the reader pages by their path', () => {
    for (const path of ['/', '/?asOf=2021-08-22', '/operations', '/operations/kabul-2021?group=afghans', '/embed/kabul-2021']) {
      expect(isReaderPage(path), path).toBe(true);
    }
    for (const path of ['/admin', '/admin/sign-in', '/api/operations', '/operationsx', '/embedded', '/_next/static/a.js']) {
      expect(isReaderPage(path), path).toBe(false);
    }
  });
});
