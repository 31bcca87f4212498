// The HTTP server in front of Next.js (its programmatic API), started by scripts/run.ts once the
// database is ready, through scripts/serve-entry.mjs. What it adds to `next start`: a request id
// and one JSON log line per request (lib/server/request-log.ts), the build's static files from
// compressed copies made at build time (lib/server/static-assets.ts), the compression of what
// Next.js answers (lib/server/compressed-responses.ts), reader pages whose scripts load after the
// first paint (lib/server/paint-first-response.ts), and a bounded graceful stop on SIGTERM/SIGINT —
// readiness turns 503, live streams end, no new connections, requests in flight finish (at most
// SHUTDOWN_TIMEOUT_MS, then the rest are cut), then the database pools and the change feed close
// and the process exits 0.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { env } from '../lib/env';
import { getLogger } from '../lib/logger';
import { routeConsoleToLogger } from '../lib/server/console-to-log';
import { drain, trackConnections } from '../lib/server/drain';
import { createActionPrecheck } from '../lib/server/action-precheck';
import { withCompression } from '../lib/server/compressed-responses';
import { withPaintFirstScripts } from '../lib/server/paint-first-response';
import { withRequestLog } from '../lib/server/request-log';
import { withStaticAssets } from '../lib/server/static-assets';
import { runStopHooks } from '../lib/server/stop-hooks';
import { beginStopping } from '../lib/server/stopping';

const root = fileURLToPath(new URL('..', import.meta.url));
const logger = getLogger().child({ component: 'server' });
/** For Next.js's own cleanup, and for each pool or listener, after the requests are done. */
const CLOSE_TIMEOUT_MS = 5_000;

async function bounded(work: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work.catch(() => undefined), new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Reader pages paint before their scripts load (production builds only; see the module). */
const pages = (handler: Handler, dev: boolean): Handler => (dev ? handler : withPaintFirstScripts(handler));

export async function startServer(dev: boolean): Promise<void> {
  try {
    await serve(dev);
  } catch (error) {
    logger.fatal({ err: error }, 'the server could not start');
    process.exit(1);
  }
}

async function serve(dev: boolean) {
  if (!dev) routeConsoleToLogger(getLogger());
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));

  let stop: ((signal: NodeJS.Signals) => Promise<void>) | null = null;
  let stopRequested = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      // Signals often come twice (the process group, then the parent forwarding): one stop.
      if (stopRequested) return;
      stopRequested = true;
      if (stop) void stop(signal);
      else {
        logger.info({ signal }, 'stopped before serving');
        process.exit(0);
      }
    });
  }

  // Loaded here, not at the top: scripts/serve-entry.mjs loads this file with a TypeScript hook
  // that it removes before Next.js's own modules load.
  const { default: next } = await import('next');
  const app = next({ dev, dir: root, hostname: env.HOST, port: env.PORT });
  await app.prepare();
  // Server Action calls Next.js could not decode are refused before it sees them (production).
  const https = env.APP_URL?.startsWith('https:') ?? false;
  const precheck = dev ? null : createActionPrecheck({ root, https, logger: getLogger().child({ component: 'actions' }) });
  const pageHandler = pages(app.getRequestHandler(), dev);
  const nextHandler = withCompression(precheck ? precheck.wrap(pageHandler) : pageHandler);
  const assets = dev
    ? null
    : withStaticAssets(nextHandler, { buildDir: join(root, '.next'), production: true, https });
  if (assets && !assets.precompressed) {
    logger.warn('no compressed copies of the static files for this build (run npm run build): Next.js compresses them per request');
  }
  const server = createServer(withRequestLog(assets?.handler ?? nextHandler, getLogger().child({ component: 'http' })));
  const connections = trackConnections(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(env.PORT, env.HOST, () => resolve());
  });
  logger.info({ url: `http://${env.HOST}:${env.PORT}`, mode: dev ? 'development' : 'production' }, 'listening');

  stop = async (signal) => {
    const started = Date.now();
    logger.info(
      { signal, openConnections: connections.count(), timeoutMs: env.SHUTDOWN_TIMEOUT_MS },
      'stopping: no new connections, finishing requests in flight',
    );
    beginStopping(signal);
    const { cut } = await drain(server, connections, env.SHUTDOWN_TIMEOUT_MS);
    if (cut > 0) logger.warn({ cut, timeoutMs: env.SHUTDOWN_TIMEOUT_MS }, 'cut connections still open at the bound');
    await bounded(app.close(), CLOSE_TIMEOUT_MS);
    await bounded(precheck?.close() ?? Promise.resolve(), CLOSE_TIMEOUT_MS);
    await runStopHooks(logger, CLOSE_TIMEOUT_MS);
    logger.info({ signal, durationMs: Date.now() - started, cut }, 'stopped');
    process.exit(0);
  };
}
