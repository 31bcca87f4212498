// A TCP proxy in front of a database, so a test can cut a client's connection the way a network
// failure or a server restart would, whatever the database is.
import { createServer, connect, type Socket } from 'node:net';

export interface TcpProxy {
  /** The target URL with its host and port replaced by the proxy's. */
  url: string;
  /** Destroys every open connection; with `refuse`, new ones are cut at once until `restore()`. */
  drop(options?: { refuse?: boolean }): void;
  restore(): void;
  /**
   * A database that does not answer: connections stay open (new ones are accepted) but no byte
   * passes either way until `resume()`, which delivers what was held.
   */
  stall(): void;
  resume(): void;
  /**
   * Cuts, without passing it on, every connection whose client sends a chunk `matches` accepts
   * (until called with null): a connection lost at one exact point of the protocol.
   */
  cutWhenClientSends(matches: ((chunk: Buffer) => boolean) | null): void;
  /** How many connections `cutWhenClientSends` cut. */
  cuts(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let refusing = false;
  let stalled = false;
  let held: [Socket, Buffer][] = [];
  let cutMatcher: ((chunk: Buffer) => boolean) | null = null;
  let cuts = 0;
  const forward = (from: Socket, to: Socket, fromClient: boolean) =>
    from.on('data', (chunk: Buffer) => {
      if (fromClient && cutMatcher?.(chunk)) {
        cuts += 1;
        from.destroy();
        to.destroy();
      } else if (stalled) held.push([to, chunk]);
      else to.write(chunk);
    });
  const server = createServer((client) => {
    if (refusing) return void client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    forward(client, upstream, true);
    forward(upstream, client, false);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('The proxy has no port');
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(address.port);

  const dropAll = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  return {
    url: url.toString(),
    drop(options = {}) {
      refusing = options.refuse ?? false;
      dropAll();
    },
    restore() {
      refusing = false;
    },
    stall() {
      stalled = true;
    },
    resume() {
      stalled = false;
      for (const [socket, chunk] of held) if (!socket.destroyed) socket.write(chunk);
      held = [];
    },
    cutWhenClientSends(matches) {
      cutMatcher = matches;
    },
    cuts: () => cuts,
    close() {
      dropAll();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
