// A Server-Sent Events stream of one operation's changes, fed by the process's change feed. Each
// open stream is a subscription, not a database connection.
import 'server-only';
import type { ChangeFeed, OperationChange } from './change-feed-types';

export const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // no-transform also keeps Next.js's gzip (and any proxy's) from buffering the events.
  'Cache-Control': 'no-cache, no-transform',
  // nginx buffers proxied responses unless told not to.
  'X-Accel-Buffering': 'no',
} as const;

/** Comment lines keep idle proxies and load balancers from closing the connection. */
export const HEARTBEAT_INTERVAL_MS = 15_000;
/** How long a browser waits before reconnecting after the stream ends. */
export const RETRY_ADVICE_MS = 3_000;

export interface OperationEventStreamOptions {
  feed: ChangeFeed;
  operation: string;
  /** The request's signal: aborted when the reader goes away. */
  signal: AbortSignal;
  heartbeatIntervalMs?: number;
}

/**
 * Sends `retry:` advice, then `event: ready` once the feed is listening (so a client, or a test,
 * knows that later changes will arrive), then `event: change` with `{ operation, reason }` on each
 * change. Unsubscribes when the client disconnects.
 */
export function operationEventStream(options: OperationEventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup: () => void = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const event = (name: string, data: unknown) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);

      // Subscribe first, so no change between "ready" and the first event can slip through.
      const unsubscribe = options.feed.subscribe(options.operation, (change: OperationChange) =>
        event('change', { operation: change.operation, reason: change.reason }),
      );
      const heartbeat = setInterval(
        () => send(': heartbeat\n\n'),
        options.heartbeatIntervalMs ?? HEARTBEAT_INTERVAL_MS,
      );
      cleanup = () => {
        if (!open) return;
        open = false;
        unsubscribe();
        clearInterval(heartbeat);
        options.signal.removeEventListener('abort', cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      options.signal.addEventListener('abort', cleanup);
      if (options.signal.aborted) return cleanup();

      send(`retry: ${RETRY_ADVICE_MS}\n\n`);
      void options.feed.ready().then((mode) => event('ready', { operation: options.operation, mode }));
    },
    cancel() {
      cleanup();
    },
  });
}
