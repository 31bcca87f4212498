// The summary route under load: autocannon, 64 connections, BENCH_DURATION seconds (10 by
// default), against GET /api/operations/kabul-2021/summary of the app and of a bare node:http + pg
// server (bench/bare-summary-server.ts) on the same PostgreSQL 15 data, one after the other in one
// run; then the 304 path of our route (If-None-Match with its ETag); then, unless
// BENCH_EMBEDDED=0, our route on the embedded PGlite database, for the record.
//
// Run alone: npx tsx --conditions=react-server bench/summary-load.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startApp } from '../tests/support/app-server';
import { isMain, onInterrupt, projectRoot, runAlone, type BenchApp } from './support/bench-app';
import { ms, ratio, type BenchSection, type ResultRow } from './support/report';

const DURATION_S = Math.max(1, Number(process.env.BENCH_DURATION ?? 10));
const CONNECTIONS = 64;
const SUMMARY_PATH = '/api/operations/kabul-2021/summary';
/** A finished day: its view never changes, so its ETag is stable (used if "now" is not). */
const PAST_VIEW_QUERY = '?asOf=2021-08-22';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  statuses: string;
}

async function load(url: string, headers: Record<string, string> = {}, seconds = DURATION_S): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  const statuses = [
    `${result['2xx']} 2xx`,
    result['3xx'] ? `${result['3xx']} 3xx` : '',
    result['4xx'] + result['5xx'] ? `${result['4xx'] + result['5xx']} 4xx/5xx` : '',
    result.errors + result.timeouts ? `${result.errors} errors, ${result.timeouts} timeouts` : '',
  ].filter(Boolean);
  const { latency, requests } = result;
  return { rps: requests.average, p50: latency.p50, p99: latency.p99, statuses: statuses.join(', ') };
}

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

const rps = (value: number) => `${value.toFixed(0)} req/s`;

export async function measureSummaryLoad(app: BenchApp): Promise<BenchSection> {
  const label = `${CONNECTIONS} conn, ${DURATION_S} s`;
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
  const rows: ResultRow[] = [];
  const details: string[] = [];
  try {
    const bareProbe = await probe(`${bare.url}${SUMMARY_PATH}`);
    if (bareProbe.status !== 200) throw new Error(`bare server answered ${bareProbe.status}`);
    details.push(
      `bodies: ours ${ours.bytes} bytes, bare ${bareProbe.bytes} bytes (same rows; bare skips lib/feasibility)`,
    );

    // A short warm-up each, so neither side pays for JIT compilation and filling its pool.
    await load(`${app.url}${SUMMARY_PATH}`, {}, 1);
    await load(`${bare.url}${SUMMARY_PATH}`, {}, 1);
    const oursLoad = await load(`${app.url}${SUMMARY_PATH}`);
    const bareLoad = await load(`${bare.url}${SUMMARY_PATH}`);
    const where = `PostgreSQL ${app.postgresVersion}, ${label}`;
    const versusBare = (measure: string, pick: (l: Load) => number, unit: (v: number) => string, note = '') => ({
      measure,
      ours: unit(pick(oursLoad)),
      baseline: `bare ${unit(pick(bareLoad))}`,
      ratio: ratio(pick(oursLoad), pick(bareLoad)),
      aim: '',
      note,
    });
    const statuses = `ours ${oursLoad.statuses}; bare ${bareLoad.statuses}`;
    rows.push(
      versusBare(`Summary throughput (${where})`, (l) => l.rps, rps, statuses),
      versusBare('Summary latency p50', (l) => l.p50, ms),
      versusBare('Summary latency p99', (l) => l.p99, ms),
    );

    // The 304 path needs an ETag that the next request repeats. If the current view's body
    // changes per request (it carries "now"), the 304 path is measured on a past day's view.
    const again = await probe(`${app.url}${SUMMARY_PATH}`);
    const stable = ours.etag !== null && again.etag === ours.etag;
    const path304 = stable ? SUMMARY_PATH : `${SUMMARY_PATH}${PAST_VIEW_QUERY}`;
    const { etag } = stable ? again : await probe(`${app.url}${path304}`);
    if (!stable) {
      details.push(`the current view's ETag changed between two requests: 304 path measured on ${path304}`);
    }
    if (etag) {
      const check = await probe(`${app.url}${path304}`, { 'if-none-match': etag });
      const notModified = await load(`${app.url}${path304}`, { 'if-none-match': etag });
      rows.push({
        measure: `Summary 304 path (If-None-Match), ${label}`,
        ours: rps(notModified.rps),
        baseline: `our 200 ${rps(oursLoad.rps)}`,
        ratio: ratio(notModified.rps, oursLoad.rps),
        aim: '',
        note: `p50 ${ms(notModified.p50)}, p99 ${ms(notModified.p99)}; ${notModified.statuses}; probe ${check.status}`,
      });
    } else {
      const note = 'no ETag header';
      rows.push({ measure: 'Summary 304 path', ours: '–', baseline: '–', ratio: null, aim: '', note });
    }
  } finally {
    forget();
    await bare.stop();
  }
  if (process.env.BENCH_EMBEDDED !== '0') rows.push(await embeddedRow(label, rows[0]?.ours ?? '–'));
  return { title, rows, details };
}

/** Our route on the embedded PGlite database, against our route on PostgreSQL 15. */
async function embeddedRow(label: string, postgresRps: string): Promise<ResultRow> {
  const dataDir = mkdtempSync(join(tmpdir(), 'evac-bench-pglite-'));
  const app = await startApp({ embeddedDataDir: join(dataDir, 'pglite') });
  const stop = async () => {
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const forget = onInterrupt(stop);
  try {
    await load(`${app.url}${SUMMARY_PATH}`, {}, 1);
    const embedded = await load(`${app.url}${SUMMARY_PATH}`);
    return {
      measure: `Summary throughput on embedded PGlite (${label})`,
      ours: rps(embedded.rps),
      baseline: `PostgreSQL ${postgresRps}`,
      ratio: ratio(embedded.rps, Number.parseFloat(postgresRps)),
      aim: '',
      note: `p50 ${ms(embedded.p50)}, p99 ${ms(embedded.p99)}; ${embedded.statuses}; PGlite runs one query at a time`,
    };
  } finally {
    forget();
    await stop();
  }
}

if (isMain(import.meta.url)) runAlone('summary-load', measureSummaryLoad);
