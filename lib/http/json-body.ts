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

function tooLarge(maxBytes: number): JsonBody {
  const limit = `${Math.round(maxBytes / 1024)} KB`;
  return {
    ok: false,
    response: jsonError(413, { error: 'payload_too_large', message: `The body must be at most ${limit}.` }),
  };
}

const notJson = (message: string): JsonBody => ({
  ok: false,
  response: jsonError(400, { error: 'invalid_json', message }),
});

/**
 * The bytes of the body, or null past `maxBytes`. Counted as they arrive: Content-Length may be
 * absent (chunked) or wrong, so it is only a shortcut for refusing early, never a guarantee.
 */
async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop reading: whatever else the client sends is never buffered.
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
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
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return tooLarge(maxBytes);

  const bytes = await readCapped(request.body, maxBytes);
  if (bytes === null) return tooLarge(maxBytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return notJson('The body is not valid UTF-8.');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return notJson('The body is not valid JSON.');
  }
}
