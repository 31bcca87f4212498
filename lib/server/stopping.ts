// Whether this process has begun to stop, as an AbortSignal. The HTTP server (scripts/serve.ts)
// aborts it on SIGTERM/SIGINT; the route bundles Next.js loads read it: live streams end at once,
// and readiness answers 503 so a load balancer sends no more traffic here. Kept on globalThis,
// since the server and the bundles are separate module graphs in one process.
const globalForStopping = globalThis as unknown as { serverStopping?: AbortController };

function controller(): AbortController {
  globalForStopping.serverStopping ??= new AbortController();
  return globalForStopping.serverStopping;
}

export function stoppingSignal(): AbortSignal {
  return controller().signal;
}

export function isStopping(): boolean {
  return controller().signal.aborted;
}

export function beginStopping(reason: string): void {
  controller().abort(new Error(`${reason}: the server is stopping`));
}
