// One JSON line per request when its response is done, and the request id on both sides: set on
// the request Next.js sees (so audit entries carry it) and sent back in X-Request-Id.
//
// What a line holds is chosen, not dumped: method, the path without its query string, status,
// duration, bytes, id and peer address. No header, cookie, token or body ever reaches it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { REQUEST_ID_HEADER, requestIdFrom } from './request-id';
import { isStopping } from './stopping';

export type RequestHandler = (request: IncomingMessage, response: ServerResponse) => unknown;

function pathOf(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://app.invalid').pathname;
  } catch {
    return '(unparsable)';
  }
}

export function withRequestLog(handle: RequestHandler, logger: Logger): RequestHandler {
  return (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = requestIdFrom(request.headers[REQUEST_ID_HEADER]);
    request.headers[REQUEST_ID_HEADER] = requestId;
    response.setHeader('X-Request-Id', requestId);
    // A request that arrives on a kept-alive connection while the server stops is answered, and
    // its connection then closed.
    if (isStopping()) response.setHeader('Connection', 'close');

    const { socket } = request;
    const bytesBefore = socket.bytesWritten;
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const line = {
        requestId,
        method: request.method,
        path: pathOf(request.url),
        status: response.statusCode,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
        // Written to the connection for this response, headers included.
        bytes: socket.bytesWritten - bytesBefore,
        remoteAddress: socket.remoteAddress,
        // The client went away (or the connection was cut) before the response was complete.
        ...(response.writableFinished ? {} : { aborted: true }),
      };
      if (response.statusCode >= 500) logger.error(line, 'request');
      else logger.info(line, 'request');
    };
    response.once('finish', done);
    response.once('close', done);

    Promise.resolve(handle(request, response)).catch((error: unknown) => {
      logger.error({ requestId, err: error }, 'request handler failed');
      if (!response.headersSent) {
        response.statusCode = 500;
        response.end();
      } else {
        response.destroy();
      }
    });
  };
}
