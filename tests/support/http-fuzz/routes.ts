// Every route the HTTP fuzzer knocks on, with how many malformed requests each gets: one table,
// so a new route is one more line.
import fc from 'fast-check';
import { SCHEMAS, type SchemaCase } from '../fuzz/schemas';
import { junkSegment } from './junk';
import { hugeBody, writeRequests } from './write-requests';
import { importRequests, readRequests, signInRequests } from './other-requests';
import type { FuzzRoute } from './types';

const schema = (name: string): SchemaCase => SCHEMAS.find((candidate) => candidate.name === name)!;
/** Slugs arrive already percent-encoded (junk ones on purpose). */
const api = (slug: string) => `/api/operations/${slug}`;

export const FUZZ_ROUTES: FuzzRoute[] = [
  { name: 'POST figures', requests: 1_500, generate: (c) => writeRequests({ schema: schema('figureInputSchema'), path: (x) => `${api(x.operation)}/figures`, countFields: ['value'] }, c) },
  {
    name: 'POST figures/<id>/corrections',
    requests: 1_000,
    generate: (c) => writeRequests({ schema: schema('figureCorrectionSchema'), path: (x) => `${api(x.operation)}/figures/${x.figureId}/corrections`, routeFields: ['replaces'], countFields: ['value'] }, c),
  },
  { name: 'POST targets', requests: 1_100, generate: (c) => writeRequests({ schema: schema('targetInputSchema'), path: (x) => `${api(x.operation)}/targets`, countFields: ['low', 'high'] }, c) },
  { name: 'POST events', requests: 1_100, generate: (c) => writeRequests({ schema: schema('eventInputSchema'), path: (x) => `${api(x.operation)}/events`, countFields: ['count'] }, c) },
  { name: 'POST statements', requests: 1_100, generate: (c) => writeRequests({ schema: schema('statementInputSchema'), path: (x) => `${api(x.operation)}/statements`, countFields: ['claimedGoal'] }, c) },
  {
    name: 'POST (body over 1 MB)',
    requests: 10,
    generate: (c) => fc.constantFrom('figures', 'targets', 'events', 'statements').map((route) => hugeBody(c, `${api(c.operation)}/${route}`)),
  },
  {
    name: 'POST figures/<junk id>/corrections',
    requests: 150,
    generate: (c) => fc.tuple(writeRequests({ schema: schema('figureCorrectionSchema'), path: (x) => `${api(x.operation)}/figures/ID/corrections`, routeFields: ['replaces'], countFields: ['value'] }, c), junkSegment)
      .map(([request, id]) => ({ ...request, path: request.path.replace('/ID/', `/${id}/`), what: `${request.what}, id ${id}` })),
  },
  { name: 'POST sign-in', requests: 700, generate: signInRequests },
  { name: 'Server Action: CSV import', requests: 500, generate: (c) => importRequests(c, 300, 7) },
  { name: 'GET summary', requests: 400, generate: (c) => readRequests(c, (slug) => `${api(slug)}/summary`) },
  { name: 'GET series', requests: 400, generate: (c) => readRequests(c, (slug) => `${api(slug)}/series`) },
  { name: 'GET figures.csv', requests: 400, generate: (c) => readRequests(c, (slug) => `${api(slug)}/figures.csv`) },
  {
    name: 'GET figures/<id>',
    requests: 400,
    generate: (c) => fc.tuple(readRequests(c, (slug) => `${api(slug)}/figures/ID`), fc.oneof(fc.constant(String(c.figureId)), junkSegment))
      .map(([request, id]) => ({ ...request, path: request.path.replace('/ID?', `/${id}?`), what: `${request.what}, id ${id}` })),
  },
  { name: 'GET live', requests: 250, generate: (c) => readRequests(c, (slug) => `${api(slug)}/live`, { stream: true }) },
  { name: 'GET operations', requests: 150, generate: (c) => readRequests(c, () => '/api/operations') },
  { name: 'GET operation', requests: 150, generate: (c) => readRequests(c, (slug) => api(slug)) },
  { name: 'GET groups', requests: 100, generate: (c) => readRequests(c, (slug) => `${api(slug)}/groups`) },
  { name: 'GET targets', requests: 100, generate: (c) => readRequests(c, (slug) => `${api(slug)}/targets`) },
  { name: 'GET events', requests: 100, generate: (c) => readRequests(c, (slug) => `${api(slug)}/events`) },
  { name: 'GET statements', requests: 100, generate: (c) => readRequests(c, (slug) => `${api(slug)}/statements`) },
  { name: 'GET figures (paged)', requests: 400, generate: (c) => readRequests(c, (slug) => `${api(slug)}/figures`) },
  { name: 'GET openapi.json', requests: 100, generate: (c) => readRequests(c, () => '/api/openapi.json') },
  { name: 'GET health/live', requests: 150, generate: (c) => readRequests(c, () => '/api/health/live') },
  { name: 'GET health/ready', requests: 150, generate: (c) => readRequests(c, () => '/api/health/ready') },
];
