// Malformed requests to the write API (POST figures, corrections, targets, events, statements).
// Every one is refused by construction: a field its schema refuses, JSON or UTF-8 that does not
// parse, a body that is not an object, a wrong content type, a body over the limit, a method the
// route does not take, a bad idempotency key, or credentials that are not a staff member's.
import fc from 'fast-check';
import type { SchemaCase } from '../fuzz/schemas';
import { withField } from '../fuzz/with-field';
import { badUtf8, brokenJson, forgedCookie, headerJunk, junkAuthorization, junkHeaders, notAnObject, oddWriteMethod, withBadUtf8, wrongContentType } from './junk';
import type { FuzzContext, FuzzRequest } from './types';

/** Number literals JSON.stringify never writes, each refused as a count (or as JSON). */
const ODD_NUMBERS = ['1e400', '-1e400', 'NaN', 'Infinity', '-Infinity', '0x10', '01', '1.', '.5', '9007199254740993', '-1', '2.5', '1e9999'];
const MARKER = 'ODD_NUMBER_MARKER';

interface WriteTarget {
  schema: SchemaCase;
  path: (context: FuzzContext) => string;
  /** Fields the route sets itself (the corrections route takes `replaces` from the path). */
  routeFields?: string[];
  /** Count fields, where an odd number literal goes. */
  countFields: string[];
}

export function writeRequests(target: WriteTarget, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const { schema, routeFields = [] } = target;
  const path = target.path(context);
  const json = { 'Content-Type': 'application/json' };
  const bearer = { Authorization: `Bearer ${context.token}` };
  const paths = Object.keys(schema.invalid).filter((field) => !routeFields.includes(field));

  /** A body with one field its schema refuses, and maybe fields nobody asked for. */
  const invalidBody = fc
    .tuple(schema.valid, fc.constantFrom(...paths), fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 2 }))
    .chain(([{ raw }, field, extra]) =>
      schema.invalid[field]!.map((bad) => ({ body: withField({ ...extra, ...raw }, field, bad), what: `${field} = ${JSON.stringify(bad)?.slice(0, 80)}` })),
    );
  const invalidJson = invalidBody.map(({ body, what }) => ({ text: JSON.stringify(body), what }));

  const request = (what: string, extra: Partial<FuzzRequest>): FuzzRequest => ({ method: 'POST', path, headers: { ...json, ...bearer }, what, ...extra });

  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(invalidJson, junkHeaders, fc.option(fc.uuid(), { nil: undefined })).map(([{ text, what }, headers, key]) =>
      request(`invalid field ${what}`, { headers: { ...headers, ...json, ...bearer, ...(key ? { 'Idempotency-Key': key } : {}) }, body: text })) },
    { weight: 2, arbitrary: fc.tuple(schema.valid, fc.constantFrom(...target.countFields), fc.constantFrom(...ODD_NUMBERS)).map(([{ raw }, field, literal]) =>
      request(`${field} = ${literal}`, { body: JSON.stringify(withField(raw, field, MARKER)).replace(`"${MARKER}"`, literal) })) },
    { weight: 2, arbitrary: invalidJson.chain(({ text }) => brokenJson(text)).map((body) => request('broken JSON', { body })) },
    { weight: 1, arbitrary: fc.tuple(invalidJson, badUtf8, fc.nat()).map(([{ text }, bad, at]) => request(`bad UTF-8 ${bad.join(' ')}`, { body: withBadUtf8(text, bad, at) })) },
    { weight: 1, arbitrary: notAnObject.map((body) => request('JSON that is not an object', { body })) },
    { weight: 1, arbitrary: fc.tuple(invalidJson, wrongContentType).map(([{ text }, type]) =>
      request(`Content-Type ${type}`, { headers: { ...bearer, ...(type ? { 'Content-Type': type } : {}) }, body: text })) },
    { weight: 1, arbitrary: fc.tuple(invalidJson, oddWriteMethod).map(([{ text }, method]) =>
      request(`method ${method}`, { method, body: text })) },
    { weight: 1, arbitrary: fc.tuple(schema.valid, fc.oneof(headerJunk.filter((key) => !/^[\x21-\x7e]{1,200}$/.test(key)), fc.constant('k'.repeat(201)))).map(([{ raw }, key]) =>
      request(`Idempotency-Key ${JSON.stringify(key.slice(0, 40))}`, { headers: { ...json, ...bearer, 'Idempotency-Key': key }, body: JSON.stringify(raw) })) },
    { weight: 2, arbitrary: fc.tuple(schema.valid, fc.oneof(junkAuthorization.map((value) => ({ Authorization: value })), forgedCookie.map((Cookie) => ({ Cookie, Origin: context.appUrl })), fc.constant({ Cookie: context.cookie, Origin: 'https://evil.example' }), fc.constant({}))).map(([{ raw }, credentials]) =>
      request(`credentials ${JSON.stringify(credentials).slice(0, 80)}`, { headers: { ...json, ...credentials }, body: JSON.stringify(raw) })) },
    { weight: 1, arbitrary: fc.tuple(invalidBody, fc.integer({ min: 65 * 1024, max: 200 * 1024 })).map(([{ body }, size]) =>
      request(`body of ${size} bytes`, { body: JSON.stringify({ ...body, padding: 'p'.repeat(size) }), oversized: true })) },
  );
}

/** A few bodies past the point where the server stops reading and closes the connection. */
export const hugeBody = (context: FuzzContext, path: string): FuzzRequest => ({
  method: 'POST',
  path,
  headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${context.token}` },
  body: `{"padding":"${'p'.repeat(1_100_000)}"}`,
  what: 'body of 1.1 MB',
  oversized: true,
});
