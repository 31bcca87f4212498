// A second web site, on another loopback port (so another origin), for tests of what the app's
// pages do inside someone else's page: serves whatever HTML the test last gave it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OtherOrigin {
  url: string;
  /** The HTML served at every path from now on. */
  serve(html: string): void;
  close(): Promise<void>;
}

export async function startOtherOrigin(): Promise<OtherOrigin> {
  let body = '<!doctype html><title>Another site</title>';
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    serve(html) {
      body = html;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A plain article page with the given markup in it, as a news site would embed a chart. */
export function articlePage(title: string, content: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${content}</body></html>`;
}
