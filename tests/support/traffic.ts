// Readers and a writer asking the app what a busy day asks of it, each answer recorded with its
// timing, for tests that change the database under the traffic.
import { randomUUID } from 'node:crypto';

export interface Answer {
  name: string;
  kind: 'api' | 'page';
  /** 0: no answer (the connection failed, or nothing came within the timeout). */
  status: number;
  retryAfter: string | null;
  contentType: string;
  body: string;
  startedAt: number;
  endedAt: number;
  ms: number;
}

interface Request {
  name: string;
  kind: Answer['kind'];
  init(token: string): { path: string; init?: RequestInit };
}

let written = 0;
const REQUESTS: Request[] = [
  { name: 'summary', kind: 'api', init: () => ({ path: '/api/operations/kabul-2021/summary' }) },
  { name: 'series', kind: 'api', init: () => ({ path: '/api/operations/kabul-2021/series' }) },
  { name: 'figures.csv', kind: 'api', init: () => ({ path: '/api/operations/kabul-2021/figures.csv' }) },
  { name: 'page /', kind: 'page', init: () => ({ path: '/' }) },
  { name: 'page /operations/kabul-2021', kind: 'page', init: () => ({ path: '/operations/kabul-2021' }) },
  {
    name: 'write',
    kind: 'api',
    init: (token) => ({
      path: '/api/operations/kabul-2021/figures',
      init: {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        // A count in a window: no running-total rule between writes.
        body: JSON.stringify({
          group: 'us-nationals', kind: 'window', windowStart: '2021-08-22', windowEnd: '2021-08-23', asOf: '2021-08-23',
          value: (written += 1), provisional: false, source: { publisher: 'Traffic', title: `Write ${written}` },
        }),
      },
    }),
  },
];

async function ask(appUrl: string, token: string, request: Request, timeoutMs: number): Promise<Answer> {
  const { path, init } = request.init(token);
  const startedAt = Date.now();
  const answer = (status: number, headers: Headers | null, body: string): Answer => {
    const endedAt = Date.now();
    return {
      name: request.name,
      kind: request.kind,
      status,
      retryAfter: headers?.get('retry-after') ?? null,
      contentType: headers?.get('content-type') ?? '',
      body,
      startedAt,
      endedAt,
      ms: endedAt - startedAt,
    };
  };
  try {
    const response = await fetch(`${appUrl}${path}`, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    return answer(response.status, response.headers, await response.text());
  } catch (error) {
    return answer(0, null, `no answer: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export interface Traffic {
  /** The names of the kinds of request sent. */
  names: string[];
  /** Every answer, once the traffic ended by itself (`once`) or was stopped. */
  done: Promise<Answer[]>;
  /** Ends the loops after their requests in flight, and returns every answer. */
  stop(): Promise<Answer[]>;
}

/**
 * `loops` clients each send every kind of request in turn until stopped; with `once`, one of each
 * kind at the same time, then it ends.
 */
export function startTraffic(
  appUrl: string,
  token: string,
  options: { loops: number; once?: boolean; timeoutMs?: number },
): Traffic {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const answers: Answer[] = [];
  let stopped = false;
  const loop = async (offset: number) => {
    for (let turn = offset; !stopped; turn += 1) {
      answers.push(await ask(appUrl, token, REQUESTS[turn % REQUESTS.length]!, timeoutMs));
    }
  };
  const done = options.once
    ? Promise.all(REQUESTS.map((request) => ask(appUrl, token, request, timeoutMs)))
    : Promise.all(Array.from({ length: options.loops }, (_, index) => loop(index * 2))).then(() => answers);
  return {
    names: REQUESTS.map((request) => request.name),
    done,
    stop() {
      stopped = true;
      return done;
    },
  };
}
