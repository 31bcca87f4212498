// Helpers for the write API's end-to-end tests: a client that posts JSON the way an integration
// would, well-formed inputs for each route, and the row counts that prove "nothing stored".
import { queryDatabase } from './app-database';

export interface Credentials {
  /** An API token: sent as Authorization: Bearer …. */
  token?: string;
  /** A Cookie header value, from signIn. */
  cookie?: string;
  /** The Origin header; cookie requests need the app's own. */
  origin?: string;
}

export interface PostOptions {
  headers?: Record<string, string>;
  /** Sent as it is instead of JSON.stringify(body). */
  raw?: BodyInit;
}

export function writeClient(appUrl: string, credentials: Credentials) {
  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    'Content-Type': 'application/json',
    ...(credentials.token ? { Authorization: `Bearer ${credentials.token}` } : {}),
    ...(credentials.cookie ? { Cookie: credentials.cookie } : {}),
    ...(credentials.origin ? { Origin: credentials.origin } : {}),
    ...extra,
  });
  return {
    post(path: string, body: unknown, options: PostOptions = {}): Promise<Response> {
      return fetch(`${appUrl}/api/operations/${path}`, {
        method: 'POST',
        headers: headers(options.headers),
        body: options.raw ?? JSON.stringify(body),
        // Node's fetch sends a stream only as a half-duplex (chunked) upload.
        ...(options.raw instanceof ReadableStream ? { duplex: 'half' } : {}),
      } as RequestInit);
    },
  };
}

export type WriteClient = ReturnType<typeof writeClient>;

export const testSource = {
  publisher: 'US Department of Defense',
  title: 'Pentagon briefing on the Kabul airlift, 23 August 2021',
  url: 'https://www.defense.gov/News/Transcripts/',
  via: 'AFP',
};

/** A cumulative figure for all evacuees since 14 August, above the seeded 25,100. */
export const figureInput = (overrides: Record<string, unknown> = {}) => ({
  group: 'all-evacuees',
  kind: 'cumulative',
  basisStart: '2021-08-14',
  asOf: '2021-08-23',
  value: 30_400,
  provisional: false,
  source: testSource,
  ...overrides,
});

export const targetInput = (overrides: Record<string, unknown> = {}) => ({
  group: 'us-nationals',
  low: 12_000,
  high: 16_000,
  deadline: '2021-08-31',
  source: { ...testSource, title: 'Revised goal for US nationals' },
  ...overrides,
});

export const eventInput = (overrides: Record<string, unknown> = {}) => ({
  kind: 'meeting',
  title: 'G7 leaders discuss the airlift by video call',
  occurredAt: '2021-08-24',
  reportedAt: '2021-08-22',
  source: { ...testSource, publisher: 'UK Prime Minister' },
  ...overrides,
});

export const statementInput = (overrides: Record<string, unknown> = {}) => ({
  speaker: 'A test spokesperson',
  speakerRole: 'Spokesperson',
  group: 'all-evacuees',
  saidAt: '2021-08-23',
  quote: 'We can still get everyone out by the end of the month.',
  claimedGoal: 60_000,
  claimedBy: '2021-08-31',
  stance: 'feasible',
  source: testSource,
  ...overrides,
});

/** Every write route with a valid body, for tests that go over all of them. */
export const writeRoutes = (figureId: number) =>
  [
    ['figures', figureInput()],
    [`figures/${figureId}/corrections`, { action: 'correct', value: 25_200, reason: 'Recount', source: testSource }],
    ['targets', targetInput()],
    ['events', eventInput()],
    ['statements', statementInput()],
  ] as const;

const COUNTED_TABLES = ['figure', 'source', 'audit_entry', 'target', 'event', 'statement', 'idempotency_key'] as const;
export type RowCounts = Record<(typeof COUNTED_TABLES)[number], number>;

/** How many rows each table a write touches holds: equal before and after means nothing stored. */
export async function rowCounts(databaseUrl: string): Promise<RowCounts> {
  const { rows } = await queryDatabase(
    databaseUrl,
    `SELECT ${COUNTED_TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
  );
  return rows[0] as RowCounts;
}

/** The id of the seeded 25,100 (all evacuees, as of 22 August). */
export async function seededFigureId(databaseUrl: string): Promise<number> {
  const { rows } = await queryDatabase(databaseUrl, 'SELECT id FROM figure WHERE value = 25100 ORDER BY id LIMIT 1');
  return rows[0].id as number;
}
