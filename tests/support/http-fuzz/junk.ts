// Pieces of malformed HTTP the fuzzer mixes into every route: methods, header values, path
// segments, query strings, and bodies that are broken below the level of the schemas.
import fc from 'fast-check';

/** Methods a route does not take (fetch upper-cases only the standard ones; CONNECT and TRACE
 *  it refuses to send). */
export const oddMethod = fc.constantFrom('GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'FOO', 'patch', 'M-SEARCH');
/** Other methods on a write route's path: not GET or HEAD, which there are the read API (fuzzed as
 *  reads), and would rightly answer 200. */
export const oddWriteMethod = fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'PROPFIND', 'FOO', 'patch', 'M-SEARCH');

/** Header values as junk as fetch will send: printable ASCII and tabs (it refuses the rest). */
export const headerJunk = fc.oneof(
  fc.string({ unit: fc.oneof(fc.integer({ min: 0x20, max: 0x7e }), fc.constant(9)).map((code) => String.fromCharCode(code)), maxLength: 40 }),
  fc.constantFrom('', '*', '"', 'W/"x"', '"a", W/"b", *', 'x'.repeat(4_000), '\t', 'null', 'undefined', '%00', '../../etc/passwd'),
);

export const junkAuthorization = fc.oneof(
  headerJunk,
  fc.constantFrom('Bearer', 'Bearer ', 'Bearer evac_', 'Basic YWRtaW46YWRtaW4=', 'bearer evac_x', 'Bearer  evac_abc', 'Token evac_abc'),
  fc.base64String({ minLength: 4, maxLength: 60 }).map((text) => `Bearer evac_${text}`),
);

export const forgedCookie = fc
  .tuple(fc.base64String({ maxLength: 40 }), headerJunk)
  .map(([token, junk]) => `__Host-evac.session_token=${token}.${encodeURIComponent(junk)}; evac.session_token=${encodeURIComponent(junk)}`);

/** Extra headers any request may carry: conditional, content negotiation, proxies, cookies. */
export const junkHeaders = fc.dictionary(
  fc.constantFrom('If-None-Match', 'If-Modified-Since', 'Accept', 'Accept-Encoding', 'Accept-Language', 'Range', 'X-Forwarded-For', 'X-Forwarded-Host', 'X-Request-Id', 'Cookie', 'Next-Router-State-Tree', 'RSC'),
  headerJunk,
  { maxKeys: 3 },
);

/** A path segment where an operation slug or a figure id goes. */
export const junkSegment = fc.oneof(
  fc.constantFrom('%00', '%ff', '%e2%82', 'KABUL-2021', 'kabul-2021%20', '..', '%2e%2e%2fetc', 'a'.repeat(300), '%F0%9F%98%80', 'null', '0', '-1', '2147483648', '99999999999', '1e3', '00001', '1.5', 'abc', '%20', 'kabul-2021%00'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).map(encodeURIComponent),
);

/** A query string: names and values the routes know and do not know, broken percent-encoding. */
export const junkQuery = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom('asOf', 'group', 'from', 'to', 'revisions', 'excel', 'hxl', 'cursor', 'limit', 'page', '__proto__'), fc.string({ maxLength: 6 })),
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 24 }),
          fc.constantFrom('', '2021-08-22', '2021-02-30', '9999-12-31', '0000-01-01', '1000-01-01', '9998-12-31', 'all-evacuees', 'all', '1', 'true', '-1', 'NaN', '1e400', 'x'.repeat(3_000)),
        ),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => new URLSearchParams(pairs).toString()),
  fc.constantFrom('%', '%zz', '%00', '%ff%fe', 'asOf=%ff', 'group=%c0%af', '&&&', '==', 'a[]=1&a[b]=2', 'asOf', '?', '#frag', `q=${'%41'.repeat(2_000)}`),
);

/** Bytes that are never UTF-8: a lone continuation byte, a truncated sequence, an encoded
 *  surrogate, an overlong slash, 0xff. */
export const badUtf8 = fc.constantFrom([0x80], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]);

/** `text` as bytes with a bad UTF-8 sequence inserted at `at` (modulo its length). */
export function withBadUtf8(text: string, bad: readonly number[], at: number): Uint8Array {
  const bytes = [...new TextEncoder().encode(text)];
  bytes.splice(at % (bytes.length + 1), 0, ...bad);
  return Uint8Array.from(bytes);
}

/** JSON text broken as clients break it: cut short, a NaN, a trailing comma, single quotes. */
export const brokenJson = (json: string) =>
  fc.oneof(
    fc.nat({ max: Math.max(json.length - 1, 0) }).map((at) => json.slice(0, at)),
    fc.constantFrom(
      json.replace(/:(\s*)("|\d|t|f|n|\{|\[)/, ':NaN,$2'),
      `${json.slice(0, -1)},}`,
      json.replace(/"/g, "'"),
      `${json}garbage`,
      `// comment\n${json}`,
      `${json}${json}`,
      json.replace(/^\{/, '{"a":undefined,'),
    ),
  );

/** Well-formed JSON that is not an object: the routes take an object only. */
export const notAnObject = fc.oneof(
  fc.jsonValue().filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)).map((value) => JSON.stringify(value)),
  fc.constantFrom('null', '[]', '"figure"', '0', 'true', `${'['.repeat(5_000)}${']'.repeat(5_000)}`, '[{"value":1}]'),
);

export const wrongContentType = fc.constantFrom(
  undefined, 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x',
  'application/json; charset=latin1', 'application/jsonx', 'application/xml', 'json', '*/*', 'application/json-patch',
);
