// An AbortSignal that fires when the server is asked to stop.
//
// A Server-Sent Events response never ends by itself, and Next.js's graceful shutdown
// (SIGTERM/SIGINT) waits for every open response before it exits: one open live page would hold a
// deploy until the process is killed. Streams that also follow this signal end at once instead,
// and browsers reconnect (to another instance) after the stream's `retry:` advice.
//
// Only the live route asks for it: a listener on these signals replaces Node's default "exit", so
// it belongs in a process whose own handler exits (Next.js's), not in every importer.
import 'server-only';

const globalForShutdown = globalThis as unknown as { serverShutdown?: AbortController };

export function serverShutdownSignal(): AbortSignal {
  if (!globalForShutdown.serverShutdown) {
    const controller = new AbortController();
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => controller.abort(new Error(`${signal}: the server is stopping`)));
    }
    globalForShutdown.serverShutdown = controller;
  }
  return globalForShutdown.serverShutdown.signal;
}
