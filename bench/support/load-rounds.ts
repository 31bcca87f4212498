// autocannon runs interleaved in rounds: on a shared 2-core machine the load from other work drifts
// within seconds, and measuring A for 10 s then B for 10 s would charge that drift to one side.
// Each target gets BENCH_DURATION seconds in all, split into BENCH_ROUNDS alternating rounds whose
// order rotates, so every target runs early and late alike.
import autocannon from 'autocannon';

export const DURATION_S = Math.max(1, Number(process.env.BENCH_DURATION ?? 10));
// Rounds of at least 5 s: under load a request can take seconds, and a round shorter than that
// would count none of them (autocannon counts completed requests only).
export const ROUNDS = Math.max(
  1,
  Math.min(Math.floor(Number(process.env.BENCH_ROUNDS ?? 2)), Math.floor(DURATION_S / 5)),
);
export const CONNECTIONS = 64;

export interface LoadTarget {
  url: string;
  headers?: Record<string, string>;
  /** CPU seconds used so far by the server and its database (support/process-cpu.ts). */
  cpuSeconds?: () => number;
}

export interface Load {
  /** Mean over rounds of autocannon's requests per second. */
  rps: number;
  /** Means over rounds of each round's percentile, in ms. */
  p50: number;
  p99: number;
  /** CPU time (server + database) per completed request, in ms; null where /proc cannot tell. */
  cpuMsPerRequest: number | null;
  ok2xx: number;
  redirect3xx: number;
  failed: number;
}

async function once(target: LoadTarget, seconds: number) {
  const { url, headers = {} } = target;
  return autocannon({ url, headers, connections: CONNECTIONS, duration: seconds });
}

const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;
const sum = <T>(items: T[], pick: (item: T) => number) => items.reduce((total, item) => total + pick(item), 0);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the server has finished the requests still in flight when autocannon stopped (it
 * carries on with them): otherwise their CPU, and their competition for it, would fall on the next
 * target's run.
 */
async function settle(target: LoadTarget): Promise<void> {
  if (!target.cpuSeconds) return void (await sleep(1000));
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const before = target.cpuSeconds();
    await sleep(250);
    if (target.cpuSeconds() - before < 0.02) return; // under 8 % of a core: idle
  }
}

/** Warms each target up for a second (JIT, connection pools), then runs the rounds. */
export async function alternatingLoad(targets: LoadTarget[]): Promise<Load[]> {
  for (const target of targets) {
    await once(target, 1);
    await settle(target);
  }
  const seconds = Math.max(1, DURATION_S / ROUNDS);
  const runs = targets.map(() => [] as Awaited<ReturnType<typeof once>>[]);
  const cpu = targets.map(() => 0);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (let step = 0; step < targets.length; step += 1) {
      const index = (step + round) % targets.length;
      const target = targets[index];
      if (!target) continue;
      const before = target.cpuSeconds?.() ?? 0;
      runs[index]?.push(await once(target, seconds));
      await settle(target);
      cpu[index] = (cpu[index] ?? 0) + (target.cpuSeconds?.() ?? 0) - before;
    }
  }
  return runs.map((results, index) => ({
    rps: mean(results.map((r) => r.requests.average)),
    p50: mean(results.map((r) => r.latency.p50)),
    p99: mean(results.map((r) => r.latency.p99)),
    // Per request sent, not completed: the server also finishes those in flight at the end.
    cpuMsPerRequest: targets[index]?.cpuSeconds
      ? ((cpu[index] ?? 0) * 1000) / Math.max(1, sum(results, (r) => r.requests.sent))
      : null,
    ok2xx: sum(results, (r) => r['2xx']),
    redirect3xx: sum(results, (r) => r['3xx']),
    failed: sum(results, (r) => r['4xx'] + r['5xx'] + r.errors + r.timeouts),
  }));
}

/** "1234 2xx, 0 3xx" and, loudly, any failure: a fast error page is not a fast route. */
export function statuses(load: Load): string {
  const parts = [`${load.ok2xx} 2xx`];
  if (load.redirect3xx) parts.push(`${load.redirect3xx} 3xx`);
  if (load.failed) parts.push(`**${load.failed} failed (4xx/5xx/errors)**`);
  if (load.ok2xx + load.redirect3xx + load.failed === 0) parts.push('**no request completed**');
  return parts.join(', ');
}

/** Ratio only when neither side failed a request: a fast error page is not a fast route. */
export const comparable = (a: Load, b: Load, value: number | null): number | null =>
  [a, b].some((load) => load.failed > 0 || load.ok2xx + load.redirect3xx === 0) ? null : value;

export const rps = (value: number) => `${value.toFixed(0)} req/s`;

export const loadLabel = () =>
  `${CONNECTIONS} conn, ${DURATION_S} s${ROUNDS > 1 ? ` in ${ROUNDS} alternating rounds` : ''}`;
