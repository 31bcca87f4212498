// Stopping an HTTP server gracefully: no new connections, requests in flight finish, kept-alive
// connections close as soon as they are idle, and whatever is still open at the bound is cut.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface OpenConnections {
  count(): number;
  destroyAll(): void;
}

/** Call before `listen`: follows every connection the server accepts. */
export function trackConnections(server: Server): OpenConnections {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    count: () => sockets.size,
    destroyAll: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

export interface DrainOutcome {
  /** Connections still open at the bound, and cut. */
  cut: number;
  durationMs: number;
}

/** Closes the server, waiting at most `timeoutMs` for its connections to finish. */
export async function drain(server: Server, connections: OpenConnections, timeoutMs: number): Promise<DrainOutcome> {
  const started = Date.now();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A connection whose response just ended goes idle: close it rather than keep it alive.
  const closeIdle = () => server.closeIdleConnections();
  closeIdle();
  const sweeper = setInterval(closeIdle, 25);
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<'bound'>((resolve) => {
    timer = setTimeout(() => resolve('bound'), timeoutMs);
  });
  try {
    const outcome = await Promise.race([closed.then(() => 'drained' as const), bound]);
    if (outcome === 'drained') return { cut: 0, durationMs: Date.now() - started };
    const cut = connections.count();
    connections.destroyAll();
    await closed;
    return { cut, durationMs: Date.now() - started };
  } finally {
    clearInterval(sweeper);
    clearTimeout(timer);
  }
}
