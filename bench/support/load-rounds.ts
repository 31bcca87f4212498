// autocannon runs interleaved in rounds: on a shared 2-core machine the load from other work drifts
// within seconds, and measuring A for 10 s then B for 10 s would charge that drift to one side.
// Each target gets BENCH_DURATION seconds in all, split into BENCH_ROUNDS alternating rounds whose
// order rotates, so every target runs early and late alike.
import autocannon from 'autocannon';

export const DURATION_S = Math.max(1, Number(process.env.BENCH_DURATION ?? 10));
export const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 2)));
export const CONNECTIONS = 64;

export interface LoadTarget {
  url: string;
  headers?: Record<string, string>;
}

export interface Load {
  /** Mean over rounds of autocannon's requests per second. */
  rps: number;
  /** Means over rounds of each round's percentile, in ms. */
  p50: number;
  p99: number;
  ok2xx: number;
  redirect3xx: number;
  failed: number;
}

async function once(target: LoadTarget, seconds: number) {
  const { url, headers = {} } = target;
  return autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Warms each target up for a second (JIT, connection pools), then runs the rounds. */
export async function alternatingLoad(targets: LoadTarget[]): Promise<Load[]> {
  for (const target of targets) await once(target, 1);
  const seconds = Math.max(1, DURATION_S / ROUNDS);
  const runs = targets.map(() => [] as Awaited<ReturnType<typeof once>>[]);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const index = (step + round) % targets.length;
      const target = targets[index];
      if (target) runs[index]?.push(await once(target, seconds));
    }
  }
  return runs.map((results) => ({
    rps: mean(results.map((r) => r.requests.average)),
    p50: mean(results.map((r) => r.latency.p50)),
    p99: mean(results.map((r) => r.latency.p99)),
    ok2xx: results.reduce((sum, r) => sum + r['2xx'], 0),
    redirect3xx: results.reduce((sum, r) => sum + r['3xx'], 0),
    failed: results.reduce((sum, r) => sum + r['4xx'] + r['5xx'] + r.errors + r.timeouts, 0),
  }));
}

/** "1234 2xx, 0 3xx" and, loudly, any failure: a fast error page is not a fast route. */
export function statuses(load: Load): string {
  const parts = [`${load.ok2xx} 2xx`];
  if (load.redirect3xx) parts.push(`${load.redirect3xx} 3xx`);
  if (load.failed) parts.push(`**${load.failed} failed (4xx/5xx/errors)**`);
  return parts.join(', ');
}

/** Ratio only when neither side failed a request: a fast error page is not a fast route. */
export const comparable = (a: Load, b: Load, value: number | null): number | null =>
  a.failed > 0 || b.failed > 0 ? null : value;

export const rps = (value: number) => `${value.toFixed(0)} req/s`;

export const loadLabel = () =>
  `${CONNECTIONS} conn, ${DURATION_S} s${ROUNDS > 1 ? ` in ${ROUNDS} alternating rounds` : ''}`;
