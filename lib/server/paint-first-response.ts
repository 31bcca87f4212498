// Applies lib/server/paint-first-html.ts to the HTML of the pages readers land on, as Next.js
// streams it. Sits above the compression (scripts/serve.ts), so it edits plain text: Next.js's own
// compression is off for that reason (next.config.js).
//
// Staff pages are left alone: they are forms, worked in right after they load, and a click
// before hydration would be lost there.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import onHeaders from 'on-headers';
import { createPaintFirstRewrite, type PaintFirstRewrite } from './paint-first-html';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;
type Callback = (error?: Error | null) => void;

/** The operation pages (`/` included), the list of operations and the embeds. */
export function isReaderPage(url: string): boolean {
  const pathname = url.split('?', 1)[0] ?? '';
  return pathname === '/' || /^\/(?:operations|embed)(?:\/|$)/.test(pathname);
}

export function withPaintFirstScripts(next: Handler): Handler {
  return (request, response) => {
    if (request.method !== 'GET' || !isReaderPage(request.url ?? '')) return next(request, response);
    let rewrite: PaintFirstRewrite | null = null;
    const decoder = new StringDecoder('utf8');
    onHeaders(response, function decide(this: ServerResponse) {
      const type = String(this.getHeader('content-type') ?? '');
      if (!type.startsWith('text/html') || this.getHeader('content-encoding') !== undefined) return;
      rewrite = createPaintFirstRewrite();
      // The rewritten body has another length; it is sent chunked.
      this.removeHeader('content-length');
    });
    const write = response.write;
    const end = response.end;
    const decode = (chunk: unknown): string =>
      typeof chunk === 'string' ? chunk : chunk instanceof Uint8Array ? decoder.write(Buffer.from(chunk)) : '';
    // The decision is taken when the headers go out, so they go out before the first body byte.
    const sendHeaders = () => {
      if (!response.headersSent) response.writeHead(response.statusCode);
    };

    response.write = function patchedWrite(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      sendHeaders();
      if (!rewrite) return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
      const callback = rest.find((argument): argument is Callback => typeof argument === 'function');
      const text = rewrite.write(decode(chunk));
      if (text !== '') return write.call(this, text, 'utf8', callback);
      if (callback) process.nextTick(callback);
      return true;
    } as typeof response.write;

    response.end = function patchedEnd(this: ServerResponse, ...args: unknown[]) {
      sendHeaders();
      if (!rewrite) return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
      const callback = args.find((argument): argument is () => void => typeof argument === 'function');
      const chunk = typeof args[0] === 'function' ? undefined : args[0];
      const text = rewrite.write(decode(chunk) + decoder.end()) + rewrite.end();
      return end.call(this, text, 'utf8', callback);
    } as typeof response.end;

    next(request, response);
  };
}
