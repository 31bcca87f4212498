// Reading a JSON request body for the write API: JSON only, at most a fixed number of bytes, UTF-8
// that decodes and JSON that parses. Each refusal is an answer the client can act on.
import { jsonError } from './json-response';

/** Far above any real write (a figure with a 2,000-character quote is under 5 KB). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; response: Response };

/** application/json, or a structured +json type; a charset, if named, must be UTF-8. */
export function isJsonContentType(header: string | null): boolean {
  if (!header) return false;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) return false;
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice('charset='.length);
  return charset === undefined || charset.replace(/"/g, '') === 'utf-8';
}

/**
 * Past the limit, the rest of a body is still read (and dropped) up to this many bytes in all: a
 * request whose body is left half-read holds up its connection, and the client's next request on
 * it would hang until the server timed the connection out. Beyond this, the connection is closed.
 */
export const DRAIN_LIMIT_BYTES = 1024 * 1024;

function tooLarge(maxBytes: number, connectionUsable: boolean): JsonBody {
  const limit = `${Math.round(maxBytes / 1024)} KB`;
  return {
    ok: false,
    response: jsonError(
      413,
      { error: 'payload_too_large', message: `The body must be at most ${limit}.` },
      connectionUsable ? {} : { Connection: 'close' },
    ),
  };
}

const notJson = (message: string): JsonBody => ({
  ok: false,
  response: jsonError(400, { error: 'invalid_json', message }),
});

type Capped = { ok: true; bytes: Uint8Array } | { ok: false; drained: boolean };

/**
 * The bytes of the body, or a refusal past `maxBytes`. Counted as they arrive: Content-Length may
 * be absent (chunked) or wrong, so it is never trusted alone. Nothing past the limit is kept.
 */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Capped> {
  if (!body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > DRAIN_LIMIT_BYTES) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, drained: false };
    }
    if (total <= maxBytes) chunks.push(value);
  }
  if (total > maxBytes) return { ok: false, drained: true };
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<JsonBody> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return {
      ok: false,
      response: jsonError(
        415,
        { error: 'unsupported_media_type', message: 'Send the body as JSON, with Content-Type: application/json.' },
        { 'Accept-Post': 'application/json' },
      ),
    };
  }
  // A body declared too large to be worth reading is refused unread, and its connection closed.
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > DRAIN_LIMIT_BYTES) return tooLarge(maxBytes, false);

  const read = await readCapped(request.body, maxBytes);
  if (!read.ok) return tooLarge(maxBytes, read.drained);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    return notJson('The body is not valid UTF-8.');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return notJson('The body is not valid JSON.');
  }
}
