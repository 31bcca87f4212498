// Malformed requests to the public API (reads, the event stream, health), to sign-in, and to the
// CSV import's Server Action (files it refuses, and calls Next.js could not decode: junk action
// ids, text and damaged multipart bodies). Reads may succeed; sign-in bodies and import files are
// ones their readers refuse, so nothing is ever stored or counted.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { readImportFile } from '@/lib/csv/import/read-import-file';
import { SCHEMAS } from '../fuzz/schemas';
import { withField } from '../fuzz/with-field';
import { badUtf8, brokenJson, headerJunk, junkHeaders, junkQuery, junkSegment, oddMethod, withBadUtf8, wrongContentType } from './junk';
import { junkImportFile } from './import-files';
import type { FuzzContext, FuzzRequest } from './types';

const require = createRequire(import.meta.url);
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node') as {
  encodeReply(value: unknown): Promise<string | FormData>;
};

/** A GET (mostly) of `path(slug)`, with junk in the query, the headers, the slug or the method. */
export function readRequests(context: FuzzContext, path: (slug: string) => string, options: { stream?: boolean } = {}) {
  return fc
    .record({
      method: fc.oneof({ weight: 6, arbitrary: fc.constant('GET') }, { weight: 1, arbitrary: oddMethod }),
      slug: fc.oneof({ weight: 4, arbitrary: fc.constant(context.operation) }, { weight: 1, arbitrary: junkSegment }),
      query: junkQuery,
      headers: junkHeaders,
    })
    .map(({ method, slug, query, headers }): FuzzRequest => ({
      method,
      path: `${path(slug)}?${query}`,
      headers,
      what: `${method} slug ${slug.slice(0, 40)} query ${query.slice(0, 80)} headers ${JSON.stringify(headers).slice(0, 120)}`,
      stream: options.stream,
    }));
}

const signIn = SCHEMAS.find((schema) => schema.name === 'signInInputSchema')!;

export function signInRequests(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const json = { 'Content-Type': 'application/json', Origin: context.appUrl };
  const invalidBody = fc
    .tuple(signIn.valid, fc.constantFrom(...Object.keys(signIn.invalid)))
    .chain(([{ raw }, field]) => signIn.invalid[field]!.map((bad) => JSON.stringify(withField(raw, field, bad))));
  const request = (what: string, extra: Partial<FuzzRequest>): FuzzRequest => ({ method: 'POST', path: '/api/auth/sign-in', headers: json, what, ...extra });
  return fc.oneof(
    { weight: 5, arbitrary: invalidBody.map((body) => request(`invalid field ${body.slice(0, 100)}`, { body })) },
    { weight: 2, arbitrary: invalidBody.chain(brokenJson).map((body) => request('broken JSON', { body })) },
    // Without a password: sign-in reads JSON leniently (a bad byte becomes U+FFFD), so a bad byte
    // inside an empty email would otherwise make a well-formed attempt.
    { weight: 1, arbitrary: fc.tuple(signIn.valid, badUtf8, fc.nat()).map(([{ raw }, bad, at]) =>
      request('bad UTF-8, no password', { body: withBadUtf8(JSON.stringify(withField(raw, 'password', undefined)), bad, at) })) },
    // A form without a password (or with an empty one): refused before any account is looked up.
    { weight: 2, arbitrary: fc.tuple(fc.emailAddress(), fc.constantFrom('', 'password=', `password=${'p'.repeat(257)}`, 'email=&password=x')).map(([email, rest]) =>
      request('form without a usable password', { headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: context.appUrl }, body: `email=${encodeURIComponent(email)}&${rest}` })) },
    { weight: 2, arbitrary: fc.tuple(invalidBody, wrongContentType).map(([body, type]) =>
      request(`Content-Type ${type}`, { headers: { Origin: context.appUrl, ...(type ? { 'Content-Type': type } : {}) }, body })) },
    { weight: 1, arbitrary: fc.tuple(invalidBody, fc.oneof(headerJunk, fc.constant(undefined))).map(([body, origin]) =>
      request(`Origin ${origin}`, { headers: { 'Content-Type': 'application/json', ...(origin === undefined ? {} : { Origin: origin }) }, body })) },
    { weight: 1, arbitrary: oddMethod.map((method) => request(`method ${method}`, { method, body: undefined })) },
  );
}

/** A file the import refuses as a whole or in one of its rows: a commit of it stores nothing. */
const refusedFile = junkImportFile.filter((bytes) => {
  const reading = readImportFile(bytes, { operation: 'kabul-2021', timeZone: 'Asia/Kabul', groups: ['all-evacuees', 'us-nationals', 'afghans'] });
  return !reading.ok || reading.rows.some((row) => !row.ok);
});

/** A path segment as the action would get it: decoded where it decodes. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

interface ImportCall {
  slug: string;
  fields: [string, string | Blob][];
  what: string;
}

export async function importRequests(context: FuzzContext, count: number, seed: number): Promise<fc.Arbitrary<FuzzRequest>> {
  const calls = fc.sample(
    fc.oneof(
      { weight: 6, arbitrary: fc.tuple(refusedFile, fc.boolean(), fc.string({ maxLength: 30 })).map(([bytes, commit, name]): ImportCall => ({
        slug: context.operation,
        fields: [['file', new File([Uint8Array.from(bytes)], name)], ['intent', commit ? 'commit' : 'preview'], ...(commit ? [['previewed', createHash('sha256').update(bytes).digest('hex')] as [string, string]] : [])],
        what: `${commit ? 'commit' : 'preview'} of ${bytes.length} refused bytes ${JSON.stringify(new TextDecoder().decode(bytes.slice(0, 60)))}`,
      })) },
      { weight: 1, arbitrary: fc.tuple(junkSegment, refusedFile).map(([slug, bytes]): ImportCall => ({ slug: decoded(slug), fields: [['file', new File([Uint8Array.from(bytes)], 'x.csv')]], what: `slug ${slug}` })) },
      { weight: 1, arbitrary: fc.constantFrom<ImportCall>(
        { slug: context.operation, fields: [], what: 'no file' },
        { slug: context.operation, fields: [['file', 'not a file']], what: 'file as text' },
        { slug: context.operation, fields: [['file', new File([], '')]], what: 'empty file' },
        { slug: context.operation, fields: [['file', new File(['x'], 'a'.repeat(5_000))], ['intent', 'commit'], ['previewed', 'f'.repeat(64)]], what: 'commit with a fingerprint of another file' },
      ) },
    ),
    { seed, numRuns: count },
  );
  const requests = await Promise.all(
    calls.map(async ({ slug, fields, what }) => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      const body = await encodeReply([slug, { status: 'idle' }, form]);
      return { body, what };
    }),
  );
  // Server Action bodies are FormData (with a file) or text: both go out as they are.
  const headers = { 'Next-Action': context.importActionId, Accept: 'text/x-component', Origin: context.appUrl, Cookie: context.cookie };
  const path = `/admin/operations/${context.operation}/import`;
  // A multipart call as the browser sends it, then damaged: cut short, or bytes replaced.
  const multipart = requests.find(({ body }) => body instanceof FormData)!.body;
  const encoded = new Request('http://multipart.invalid', { method: 'POST', body: multipart });
  const multipartType = encoded.headers.get('content-type')!;
  const multipartBytes = new Uint8Array(await encoded.arrayBuffer());
  const damagedMultipart = fc
    .tuple(fc.nat({ max: multipartBytes.length - 1 }), fc.uint8Array({ maxLength: 4 }), fc.boolean())
    .map(([at, insert, cut]): FuzzRequest => {
      const bytes = cut ? multipartBytes.slice(0, at) : Uint8Array.from([...multipartBytes.slice(0, at), ...insert, ...multipartBytes.slice(at + insert.length)]);
      return { method: 'POST', path, headers: { ...headers, 'Content-Type': multipartType }, body: bytes, what: `multipart ${cut ? 'cut' : 'damaged'} at byte ${at}` };
    });
  const protocolJunk = fc.oneof(
    headerJunk.map((id): FuzzRequest => ({ method: 'POST', path, headers: { ...headers, 'Next-Action': id }, body: '[]', what: `Next-Action ${id.slice(0, 40)}` })),
    fc.string({ maxLength: 200 }).map((body): FuzzRequest => ({ method: 'POST', path, headers, body, what: `action body ${body.slice(0, 60)}` })),
    fc.constant<FuzzRequest>({ method: 'POST', path, headers: { ...headers, Cookie: '' }, body: '["kabul-2021",{"status":"idle"},"$K1"]', what: 'signed out' }),
    damagedMultipart,
    fc.tuple(fc.constantFrom('5', 'null', '"x"', '{}', '[]', '["$Q1"]', '["$h1"]', '["$K1"]', '[1,2', ''), fc.constantFrom('text/plain;charset=UTF-8', 'multipart/form-data', 'application/json')).map(([body, type]): FuzzRequest => ({
      method: 'POST', path, headers: { ...headers, 'Content-Type': type }, body, what: `action body ${body} as ${type}`,
    })),
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...requests).map(({ body, what }): FuzzRequest => ({ method: 'POST', path, headers, body: body as never, what })) },
    { weight: 1, arbitrary: protocolJunk },
  );
}
