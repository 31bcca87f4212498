// Server Action calls checked before Next.js sees them (production server only). Next.js answers
// a call whose body React cannot decode, or that names an action the build does not have, with a
// 500 or a bare text/plain line; here they get a short JSON refusal instead:
//
// - 404 for an action id the build does not have (with Next.js's own x-nextjs-action-not-found
//   marker, so the client still throws its UnrecognizedActionError, as after a deploy);
// - 413 for a body over the Server Action body limit (Next.js reads it up to the limit, then 500);
// - 400 for a body Next.js could not decode: it is decoded first exactly as Next.js would
//   (./action-body-worker.mjs), and only a failure is refused.
//
// A call that passes goes on to Next.js with its body byte for byte. Only calls Next.js treats as
// Server Actions are looked at: POST with a Next-Action header, outside /api/ and /_next/.
import { readFileSync } from 'node:fs';
import { IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { createNonce } from '../security/nonce';
import { securityHeaders } from '../security/security-headers';
import type { RequestHandler } from './request-log';

// The parser Next.js reads the limit with ('21mb').
const require = createRequire(import.meta.url);
const { parse: parseBytes } = require('next/dist/compiled/bytes') as { parse(value: string): number };

export interface ActionPrecheckOptions {
  /** The app's folder, holding the build in .next. */
  root: string;
  https: boolean;
  logger: Logger;
}

export const UNDECODABLE_MESSAGE = 'the request body could not be read as a Server Action call';
/** A worker that does not answer in time lets the call through: Next.js then decides. */
const DECODE_TIMEOUT_MS = 10_000;

export interface ActionPrecheck {
  wrap(handle: RequestHandler): RequestHandler;
  close(): Promise<void>;
  /** Whether the decoding worker runs (it starts with the first call that needs it). */
  workerStarted(): boolean;
}

const readJson = (root: string, file: string): unknown => JSON.parse(readFileSync(join(root, '.next', file), 'utf8'));

/** The build's action ids, and its Server Action body limit in bytes (1 MB unless configured). */
function readBuild(root: string): { actionIds: Set<string>; bodyLimit: number } {
  const manifest = readJson(root, 'server/server-reference-manifest.json') as { node?: Record<string, unknown> };
  const { config } = readJson(root, 'required-server-files.json') as {
    config?: { experimental?: { serverActions?: { bodySizeLimit?: string | number } } };
  };
  const limit = config?.experimental?.serverActions?.bodySizeLimit;
  const bodyLimit = limit === undefined ? 1024 * 1024 : typeof limit === 'number' ? limit : parseBytes(limit);
  return { actionIds: new Set(Object.keys(manifest.node ?? {})), bodyLimit };
}

function isActionCall(request: IncomingMessage): boolean {
  if (request.method !== 'POST' || request.headers['next-action'] === undefined) return false;
  const path = request.url ?? '/';
  return !path.startsWith('/api/') && !path.startsWith('/_next/');
}

/** A request Next.js can read again: the same head, and the body already read, replayed. */
function replay(request: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new IncomingMessage(request.socket);
  Object.assign(copy, {
    method: request.method,
    url: request.url,
    headers: request.headers,
    rawHeaders: request.rawHeaders,
    httpVersion: request.httpVersion,
    httpVersionMajor: request.httpVersionMajor,
    httpVersionMinor: request.httpVersionMinor,
    complete: true,
  });
  copy.push(body);
  copy.push(null);
  return copy;
}

export function createActionPrecheck({ root, https, logger }: ActionPrecheckOptions): ActionPrecheck {
  const { actionIds, bodyLimit } = readBuild(root);
  const pending = new Map<number, (ok: boolean | null) => void>();
  let nextId = 0;
  // Started on the first call that needs it, not with the server: a worker is a whole JavaScript
  // engine of its own (about 20 MB resident), and most instances never receive a Server Action.
  let worker: Worker | null = null;
  let workerAlive = true;
  const startWorker = (): Worker => {
    const started = new Worker(new URL('./action-body-worker.mjs', import.meta.url), {
      workerData: { actionIds: [...actionIds], fieldSizeLimit: bodyLimit },
    });
    started.unref();
    // Why a body did not decode is not logged: the reason quotes the body. The request log line
    // records the 400.
    started.on('message', ({ id, ok }: { id: number; ok: boolean }) => pending.get(id)?.(ok));
    started.on('error', (error) => {
      logger.error({ err: error }, 'the Server Action body check stopped; calls now go to Next.js unchecked');
      for (const settle of pending.values()) settle(null);
    });
    started.once('exit', () => (workerAlive = false));
    return started;
  };

  /** Whether Next.js could decode the body; null when the worker could not say in time. */
  const decodable = (contentType: string, body: Buffer): Promise<boolean | null> => {
    if (!workerAlive) return Promise.resolve(null);
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(null), DECODE_TIMEOUT_MS);
      const settle = (ok: boolean | null) => {
        clearTimeout(timer);
        pending.delete(id);
        resolve(ok);
      };
      pending.set(id, settle);
      // Messages posted before the worker is up wait for it.
      worker ??= startWorker();
      worker.postMessage({ id, contentType, body });
    });
  };

  const refuse = (request: IncomingMessage, response: ServerResponse, status: number, error: string, message: string) => {
    const pathname = (request.url ?? '/').split('?')[0]!;
    for (const [name, value] of securityHeaders({ pathname, nonce: createNonce(), production: true, https })) response.setHeader(name, value);
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    if (status === 404) response.setHeader('x-nextjs-action-not-found', '1');
    response.statusCode = status;
    response.end(JSON.stringify({ error, message }));
  };

  const wrap = (handle: RequestHandler): RequestHandler => (request, response) => {
    if (!isActionCall(request)) return handle(request, response);
    if (!actionIds.has(String(request.headers['next-action']))) {
      return refuse(request, response, 404, 'unknown_action', 'no such Server Action: the page may be from an older version of the site; reload it');
    }
    const contentType = request.headers['content-type'] ?? '';
    // Next.js answers URL-encoded calls without reading them.
    if (contentType === 'application/x-www-form-urlencoded') return handle(request, response);
    const tooLarge = () => {
      // Not read any further: the connection closes once the answer is out.
      response.setHeader('Connection', 'close');
      response.once('finish', () => request.destroy());
      refuse(request, response, 413, 'body_too_large', `a Server Action call may carry at most ${bodyLimit} bytes`);
    };
    if (Number(request.headers['content-length'] ?? 0) > bodyLimit) return tooLarge();

    return new Promise<void>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= bodyLimit) {
          chunks.push(chunk);
          return;
        }
        request.off('data', onData);
        request.off('end', onEnd);
        request.pause();
        tooLarge();
        resolve();
      };
      const onEnd = async () => {
        try {
          const body = Buffer.concat(chunks, size);
          const ok = await decodable(contentType, body);
          if (ok === false) refuse(request, response, 400, 'invalid_action_body', UNDECODABLE_MESSAGE);
          else await handle(replay(request, body), response);
          resolve();
        } catch (error) {
          reject(error);
        }
      };
      request.on('data', onData);
      request.once('end', onEnd);
      // The client went away before the body was complete: nobody is left to answer.
      request.once('error', () => {
        response.destroy();
        resolve();
      });
      request.once('close', () => {
        if (!request.complete) resolve();
      });
    });
  };

  return {
    wrap,
    close: async () => {
      await worker?.terminate();
    },
    workerStarted: () => worker !== null,
  };
}
