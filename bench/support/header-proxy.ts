// For the LCP benchmark's attribution row: our page passed through a small proxy twice over, once
// with every response header and once without one chosen header, so that the two differ in that
// header alone (both pay the proxy). Bodies are streamed as they come; event streams stay open.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeaderProxy {
  url: string;
  close(): Promise<void>;
}

export async function startHeaderProxy(upstream: string, dropHeader?: string): Promise<HeaderProxy> {
  const target = new URL(upstream);
  const server: Server = createServer((incoming, outgoing) => {
    const headers: IncomingHttpHeaders = { ...incoming.headers, host: target.host };
    const forward = request(
      { host: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers },
      (answer) => {
        const passed = { ...answer.headers };
        if (dropHeader) delete passed[dropHeader.toLowerCase()];
        outgoing.writeHead(answer.statusCode ?? 502, passed);
        answer.pipe(outgoing);
      },
    );
    forward.on('error', () => outgoing.destroy());
    outgoing.on('close', () => forward.destroy());
    incoming.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
