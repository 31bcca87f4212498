// The build's static files (/_next/static/…), ahead of Next.js.
//
// Served from the compressed copies scripts/precompress-assets.ts made at build time: Brotli or
// gzip as the browser accepts, with the immutable caching and security headers Next.js and
// proxy.ts give them. A first visit asks for a dozen scripts at once, and Next.js compressing each
// again on the server's one thread cost about a third of the server's CPU per first visit (see the
// README). Other paths, and a build without the copies (a bare `next build`), go on to Next.js.
//
// Whatever serves them, only GET and HEAD are answered: Next.js answers 500 to a POST there.
// Range requests are ignored (the whole file, 200), as HTTP allows: scripts and stylesheets are
// never fetched in parts, and a malformed Range made Next.js answer 500 as well.
//
// sirv (a small, maintained static file server) does the serving: encoding negotiation, ETag and
// 304. It lists the directory once at start, so it serves only files of this build.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { securityHeaders } from '../security/security-headers';
import { precompressedForCurrentBuild } from './precompressed';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

const PREFIX = '/_next/static/';
/** Build file names only: no percent-encoding, dot segments or query strings to interpret. */
const ASSET_PATH = /^\/_next\/static\/(?:[A-Za-z0-9_~-][A-Za-z0-9._~-]*\/)*[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
const ONE_YEAR_S = 31_536_000;

export interface StaticAssetOptions {
  /** The .next directory of the build being served. */
  buildDir: string;
  production: boolean;
  https: boolean;
}

export interface StaticAssets {
  handler: Handler;
  /** Whether the compressed copies are served (false: Next.js serves the files). */
  precompressed: boolean;
}

export function withStaticAssets(next: Handler, options: StaticAssetOptions): StaticAssets {
  const headers = securityHeaders({ pathname: PREFIX, nonce: '', production: options.production, https: options.https });
  const refuseMethod = (response: ServerResponse) => {
    for (const [name, value] of headers) response.setHeader(name, value);
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Static files answer GET and HEAD only.\n');
  };
  const precompressed = precompressedForCurrentBuild(options.buildDir);
  const serve = precompressed
    ? sirv(join(options.buildDir, 'static'), {
        dev: false,
        etag: true,
        gzip: true,
        brotli: true,
        maxAge: ONE_YEAR_S,
        immutable: true,
        // Only real files: no index pages, no single-page fallback.
        extensions: [],
        setHeaders(response) {
          for (const [name, value] of headers) response.setHeader(name, value);
        },
      })
    : null;

  const handler: Handler = (request, response) => {
    const url = request.url ?? '';
    if (!url.startsWith(PREFIX)) return next(request, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuseMethod(response);
    if (!serve || !ASSET_PATH.test(url)) return next(request, response);
    // sirv looks files up relative to .next/static, so it gets a view of the request with the
    // path shortened and without Range; the request itself (logged, or passed on) is untouched.
    const withoutRange = { ...request.headers };
    delete withoutRange.range;
    const view = Object.create(request, {
      url: { value: url.slice(PREFIX.length - 1) },
      headers: { value: withoutRange },
    }) as IncomingMessage;
    serve(view, response, () => next(request, response));
  };
  return { handler, precompressed };
}
