// What Next.js responds with, compressed here rather than by Next.js (its `compress` is off in
// next.config.js), so that the reader pages' HTML can be rewritten first
// (lib/server/paint-first-response.ts). The same library Next.js uses, with Brotli where the
// browser takes it (at quality 4, the library's default: as fast as gzip). Event streams are left
// alone: their Cache-Control says no-transform.
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export function withCompression(handler: Handler): Handler {
  const compress = compression();
  return (request, response) =>
    compress(request as Parameters<typeof compress>[0], response as Parameters<typeof compress>[1], () =>
      handler(request, response),
    );
}
