// The summary route under load: autocannon, 64 connections, BENCH_DURATION seconds (10 by
// default) per target, interleaved in rounds (support/load-rounds.ts), against GET
// /api/operations/kabul-2021/summary of the app, of a bare node:http + pg server
// (bench/bare-summary-server.ts) on the same PostgreSQL 15 data, and the 304 path of our route
// (If-None-Match with its ETag); then, unless BENCH_EMBEDDED=0, our route on the embedded PGlite
// database, for the record. Besides req/s and latency, which swing with the machine's other work,
// it reads the CPU time each request costs the server and PostgreSQL (support/process-cpu.ts).
//
// Run alone: npx tsx --conditions=react-server bench/summary-load.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../tests/support/app-server';
import { isMain, onInterrupt, projectRoot, runAlone, type BenchApp } from './support/bench-app';
import { cpuSampler } from './support/process-cpu';
import { alternatingLoad, comparable, loadLabel, rps, statuses, type Load } from './support/load-rounds';
import { ms, ratio, type BenchSection, type ResultRow } from './support/report';

const SUMMARY_PATH = '/api/operations/kabul-2021/summary';
/** A finished day: its view never changes, so its ETag is stable (used if "now" is not). */
const PAST_VIEW_QUERY = '?asOf=2021-08-22';

/** Starts the bare server in its own process (its own event loop, like the app) on a free port. */
async function startBareServer(databaseUrl: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'bench/bare-summary-server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = output.match(/listening on (http:\/\/\S+)/);
      if (found?.[1]) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}: ${output}`)));
  });
  return { url, stop };
}

async function probe(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  const body = await response.text();
  return { status: response.status, etag: response.headers.get('etag'), bytes: Buffer.byteLength(body), body };
}

const orDash = (value: number | null, unit: (v: number) => string) => (value === null ? '–' : unit(value));
const cpuMs = (value: number) => `${value.toFixed(1)} ms CPU`;
const latencies = (load: Load) =>
  `p50 ${ms(load.p50)}, p99 ${ms(load.p99)}, ${orDash(load.cpuMsPerRequest, cpuMs)} per request`;
const CPU_NOTE = 'from /proc: server, its parent and the PostgreSQL tree; steadier than req/s on a busy machine';

export async function measureSummaryLoad(app: BenchApp): Promise<BenchSection> {
  const title = 'Summary route under load';
  const ours = await probe(`${app.url}${SUMMARY_PATH}`);
  if (ours.status !== 200 || !ours.body.startsWith('{')) {
    // Next's HTML 404: the route is not in this build (yet).
    const note = `GET ${SUMMARY_PATH} answered ${ours.status}: not in this build? (npm run build)`;
    const missing = { measure: 'Summary route', ours: '–', baseline: '–', ratio: null, aim: '', note };
    return { title, rows: [missing], details: [] };
  }
  const bare = await startBareServer(app.databaseUrl);
  const forget = onInterrupt(bare.stop);
  const details: string[] = [];
  try {
    const bareProbe = await probe(`${bare.url}${SUMMARY_PATH}`);
    if (bareProbe.status !== 200) throw new Error(`bare server answered ${bareProbe.status}`);
    details.push(
      `bodies: ours ${ours.bytes} bytes, bare ${bareProbe.bytes} bytes (same rows, bare skips lib/feasibility)`,
    );

    // The 304 path needs an ETag that the next request repeats. If the current view's body
    // changes per request (it carries "now"), the 304 path is measured on a past day's view.
    const again = await probe(`${app.url}${SUMMARY_PATH}`);
    const stable = ours.etag !== null && again.etag === ours.etag;
    const path304 = stable ? SUMMARY_PATH : `${SUMMARY_PATH}${PAST_VIEW_QUERY}`;
    const { etag } = stable ? again : await probe(`${app.url}${path304}`);
    if (!stable) {
      details.push(`the current view's ETag changes from one request to the next: 304 path measured on ${path304}`);
    }
    const conditional = etag ? { 'if-none-match': etag } : undefined;
    const check = conditional ? await probe(`${app.url}${path304}`, conditional) : null;

    const oursCpu = cpuSampler(app.url, app.postgresPid);
    const [oursLoad, bareLoad, notModified] = await alternatingLoad([
      { url: `${app.url}${SUMMARY_PATH}`, cpuSeconds: oursCpu },
      { url: `${bare.url}${SUMMARY_PATH}`, cpuSeconds: cpuSampler(bare.url, app.postgresPid) },
      ...(conditional ? [{ url: `${app.url}${path304}`, headers: conditional, cpuSeconds: oursCpu }] : []),
    ]);
    if (!oursLoad || !bareLoad) throw new Error('load runs missing');
    type Pick = (load: Load) => number | null;
    const versusBare = (measure: string, pick: Pick, unit: (v: number) => string, note = '') => ({
      measure,
      ours: orDash(pick(oursLoad), unit),
      baseline: `bare ${orDash(pick(bareLoad), unit)}`,
      ratio: comparable(oursLoad, bareLoad, ratio(pick(oursLoad), pick(bareLoad))),
      aim: '',
      note,
    });
    const rows: ResultRow[] = [
      versusBare(
        `Summary throughput (PostgreSQL ${app.postgresVersion}, ${loadLabel()})`,
        (l) => l.rps,
        rps,
        `ours ${statuses(oursLoad)}; bare ${statuses(bareLoad)}`,
      ),
      versusBare('Summary latency p50', (l) => l.p50, ms),
      versusBare('Summary latency p99', (l) => l.p99, ms),
      versusBare('Summary CPU per request (server + PostgreSQL)', (l) => l.cpuMsPerRequest, cpuMs, CPU_NOTE),
    ];
    rows.push(
      notModified
        ? {
            measure: 'Summary 304 path (If-None-Match)',
            ours: rps(notModified.rps),
            baseline: `our 200 ${rps(oursLoad.rps)}`,
            ratio: comparable(notModified, oursLoad, ratio(notModified.rps, oursLoad.rps)),
            aim: '',
            note: `${latencies(notModified)}; ${statuses(notModified)}; probe ${check?.status}`,
          }
        : { measure: 'Summary 304 path', ours: '–', baseline: '–', ratio: null, aim: '', note: 'no ETag' },
    );
    if (process.env.BENCH_EMBEDDED !== '0') rows.push(await embeddedRow(oursLoad));
    return { title, rows, details };
  } finally {
    forget();
    await bare.stop();
  }
}

/** Our route on the embedded PGlite database, against our route on PostgreSQL 15. */
async function embeddedRow(onPostgres: Load): Promise<ResultRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'evac-bench-pglite-'));
  const app = await startApp({ embeddedDataDir: join(dataDir, 'pglite') });
  const stop = async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const forget = onInterrupt(stop);
  try {
    // No database pid: PGlite runs inside the start script, the server's parent, already counted.
    const cpuSeconds = cpuSampler(app.url, null);
    const [embedded] = await alternatingLoad([{ url: `${app.url}${SUMMARY_PATH}`, cpuSeconds }]);
    if (!embedded) throw new Error('load run missing');
    return {
      measure: `Summary throughput on embedded PGlite (${loadLabel()}, after the rest)`,
      ours: rps(embedded.rps),
      baseline: `PostgreSQL ${rps(onPostgres.rps)}`,
      ratio: comparable(embedded, onPostgres, ratio(embedded.rps, onPostgres.rps)),
      aim: '',
      note: `${latencies(embedded)}; ${statuses(embedded)}; PGlite runs one query at a time`,
    };
  } finally {
    forget();
    await stop();
  }
}

if (isMain(import.meta.url)) runAlone('summary-load', measureSummaryLoad);
