// A load balancer for the benchmarks, as small as one can be: each new TCP connection goes to the
// next upstream in turn, and bytes are piped both ways. Kept-alive HTTP connections (autocannon
// keeps its connections) therefore spread evenly over the instances.
import { connect, createServer, type Socket } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(upstreamUrls: string[]): Promise<RoundRobinProxy> {
  const upstreams = upstreamUrls.map((url) => new URL(url));
  const sockets = new Set<Socket>();
  let next = 0;
  const server = createServer((client) => {
    const target = upstreams[next++ % upstreams.length]!;
    const upstream = connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address !== 'object') throw new Error('The proxy has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
