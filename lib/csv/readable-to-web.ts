// A Node.js byte stream as the web ReadableStream a Response takes, pulled at the pace of the
// client, with one place that learns how it ended.
//
// Why not Readable.toWeb: it passes on every chunk as the source pushed it (a stream that pushes
// per record makes a million response writes), and nothing tells its caller how it ended. Here each
// pull takes everything buffered (read() with no size concatenates it), up to the source's
// highWaterMark: a few large writes, nothing read ahead of what the client accepts, and one
// callback that knows whether to give a database connection back or discard it.
//
// `onClose` runs exactly once: with no error when the source ended; with the error when the source
// failed; with `clientGone` when the consumer cancelled, `signal` aborted (client disconnected) or
// the consumer stopped pulling for `stallTimeoutMs` (a client that stopped reading would otherwise
// hold a database connection and, on the embedded database, everyone else's queries).
import type { Readable } from 'node:stream';

export interface WebStreamOptions {
  signal?: AbortSignal;
  stallTimeoutMs: number;
  onClose(outcome: StreamOutcome): void;
}

export type StreamOutcome =
  | { kind: 'ended' }
  | { kind: 'failed'; error: Error }
  | { kind: 'clientGone'; reason: string };

type Wake = { kind: 'readable' } | { kind: 'end' } | { kind: 'error'; error: Error };

function nextWake(source: Readable): Promise<Wake> {
  return new Promise((resolve) => {
    const settle = (wake: Wake) => {
      source.off('readable', onReadable).off('end', onEnd).off('error', onError).off('close', onClose);
      resolve(wake);
    };
    const onReadable = () => settle({ kind: 'readable' });
    const onEnd = () => settle({ kind: 'end' });
    const onError = (error: Error) => settle({ kind: 'error', error });
    // Destroyed without an error (by us): nothing more will come.
    const onClose = () =>
      settle(source.readableEnded ? { kind: 'end' } : { kind: 'error', error: new Error('closed') });
    source.on('readable', onReadable).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}

export function readableToWeb(source: Readable, options: WebStreamOptions): ReadableStream<Uint8Array> {
  let finished = false;
  let stallTimer: NodeJS.Timeout | undefined;
  let controllerRef: ReadableStreamDefaultController<Uint8Array> | undefined;

  const finish = (outcome: StreamOutcome) => {
    if (finished) return;
    finished = true;
    clearTimeout(stallTimer);
    options.signal?.removeEventListener('abort', onAbort);
    if (outcome.kind !== 'ended' && !source.destroyed) source.destroy();
    options.onClose(outcome);
  };
  const fail = (error: Error) => {
    finish({ kind: 'failed', error });
    controllerRef?.error(error);
  };
  const clientGone = (reason: string) => {
    finish({ kind: 'clientGone', reason });
    controllerRef?.error(new Error(reason));
  };
  const armStallTimer = () => {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(
      () => clientGone(`the client read nothing for ${options.stallTimeoutMs} ms`),
      options.stallTimeoutMs,
    );
    stallTimer.unref();
  };
  const onAbort = () => clientGone('the client disconnected');
  if (options.signal?.aborted) queueMicrotask(onAbort);
  else options.signal?.addEventListener('abort', onAbort, { once: true });
  // Also while no pull is waiting: an 'error' event without a listener would crash the process.
  source.on('error', fail);

  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controllerRef = controller;
        armStallTimer();
      },
      async pull(controller) {
        clearTimeout(stallTimer);
        for (;;) {
          if (finished) return;
          const chunk: unknown = source.read();
          if (chunk !== null) {
            controller.enqueue(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array));
            armStallTimer();
            return;
          }
          if (source.readableEnded) break;
          const wake = await nextWake(source);
          if (wake.kind === 'end') break;
          if (wake.kind === 'error') {
            fail(wake.error);
            return;
          }
        }
        finish({ kind: 'ended' });
        controller.close();
      },
      cancel() {
        finish({ kind: 'clientGone', reason: 'the client cancelled the download' });
      },
    },
    // Pull only when the consumer asks: the source's own buffer is the only read-ahead.
    { highWaterMark: 0 },
  );
}
