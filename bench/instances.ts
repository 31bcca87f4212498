// Three instances against one: the summary route under autocannon (64 connections,
// BENCH_DURATION seconds per side in alternating rounds, support/load-rounds.ts) through a
// round-robin TCP proxy (support/round-robin-proxy.ts) in front of one instance, then in front of
// three, all on the same database. The proxy is on both sides, so its cost cancels out.
//
// In `npm run bench` it uses the run's throwaway PostgreSQL 15 cluster. Alone, it uses
// DATABASE_URL or TEST_DATABASE_URL when set (migrated and seeded like any start, never wiped),
// else the embedded database, which the first instance serves to the other two:
//   npx tsx --conditions=react-server bench/instances.ts
// Needs a production build (npm run build).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../tests/support/app-server';
import { ensureBuild, isMain, onInterrupt, type BenchApp } from './support/bench-app';
import { alternatingLoad, comparable, loadLabel, rps, statuses, type Load } from './support/load-rounds';
import { busyWarning, describeMachine, machineLine } from './support/machine';
import { cpuSampler, treeCpuSeconds } from './support/process-cpu';
import { markdownTable, ms, ratio, saveResults, sectionMarkdown, type BenchSection } from './support/report';
import { startRoundRobinProxy } from './support/round-robin-proxy';

const SUMMARY_PATH = '/api/operations/kabul-2021/summary';
const INSTANCES = 3;

export interface InstancesTarget {
  /** An instance already running on the database, counted as the first of the three. */
  url: string;
  databaseUrl: string;
  /** The database server's pid, when it is a process of its own on this machine. */
  postgresPid: number | null;
  /** Settings for the extra instances (e.g. a smaller pool on the embedded database). */
  env?: Record<string, string>;
  label: string;
}

/** CPU seconds of every instance (server and start script) and of the database. */
function cpuOf(urls: string[], postgresPid: number | null): () => number {
  const instances = urls.map((url) => cpuSampler(url, null));
  return () =>
    instances.reduce((total, sample) => total + (sample?.() ?? 0), 0) + (postgresPid ? treeCpuSeconds([postgresPid]) : 0);
}

const cpuMs = (load: Load) => (load.cpuMsPerRequest === null ? '–' : `${load.cpuMsPerRequest.toFixed(1)} ms`);

export async function compareInstances(target: InstancesTarget): Promise<BenchSection> {
  const title = 'Three instances against one';
  const extra: RunningApp[] = [];
  const stopExtra = async () => {
    await Promise.allSettled(extra.map((app) => app.stop()));
  };
  const forget = onInterrupt(stopExtra);
  try {
    for (let i = 1; i < INSTANCES; i += 1) {
      extra.push(await startApp({ databaseUrl: target.databaseUrl, env: target.env }));
    }
    const urls = [target.url, ...extra.map((app) => app.url)];
    for (const url of urls) {
      const probe = await fetch(`${url}${SUMMARY_PATH}`);
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`${url}${SUMMARY_PATH} answered ${probe.status}`);
    }
    const one = await startRoundRobinProxy(urls.slice(0, 1));
    const three = await startRoundRobinProxy(urls);
    try {
      const cpuSeconds = cpuOf(urls, target.postgresPid);
      const [single, triple] = await alternatingLoad([
        { url: `${one.url}${SUMMARY_PATH}`, cpuSeconds },
        { url: `${three.url}${SUMMARY_PATH}`, cpuSeconds },
      ]);
      if (!single || !triple) throw new Error('load runs missing');
      const row = (measure: string, pick: (load: Load) => number, unit: (value: number) => string, note = '') => ({
        measure,
        ours: `3 instances ${unit(pick(triple))}`,
        baseline: `1 instance ${unit(pick(single))}`,
        ratio: comparable(triple, single, ratio(pick(triple), pick(single))),
        aim: '',
        note,
      });
      return {
        title,
        rows: [
          row(
            `Summary throughput, ${target.label}, round-robin proxy (${loadLabel()})`,
            (load) => load.rps,
            rps,
            `3: ${statuses(triple)}; 1: ${statuses(single)}; CPU per request 3: ${cpuMs(triple)}, 1: ${cpuMs(single)}`,
          ),
          row('Summary latency p50, three instances against one', (load) => load.p50, ms),
          row('Summary latency p99, three instances against one', (load) => load.p99, ms),
        ],
        details: [
          `same database for all (${target.label}); ${INSTANCES} instances each with its own Node.js process and pool`,
          'on a 2-core machine three instances and the database compete for the same two cores: the ratio shows ' +
            'what the extra event loops buy there, not what three machines would',
        ],
      };
    } finally {
      await Promise.allSettled([one.close(), three.close()]);
    }
  } finally {
    forget();
    await stopExtra();
  }
}

/** In `npm run bench`: the run's app on its PostgreSQL 15 cluster is the first instance. */
export function measureInstances(app: BenchApp): Promise<BenchSection> {
  return compareInstances({
    url: app.url,
    databaseUrl: app.databaseUrl,
    postgresPid: app.postgresPid,
    label: `PostgreSQL ${app.postgresVersion}`,
  });
}

async function runAloneOnGivenDatabase(): Promise<void> {
  const machine = describeMachine();
  const buildId = ensureBuild();
  const given = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
  const dataDir = given ? null : mkdtempSync(join(tmpdir(), 'evac-bench-instances-'));
  // The embedded server accepts 16 connections in all: three small pools fit.
  const env = given ? undefined : { DATABASE_POOL_MAX: '3' };
  const first = await startApp(given ? { databaseUrl: given } : { embeddedDataDir: join(dataDir!, 'pglite'), env });
  const stop = async () => {
    await first.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const forget = onInterrupt(stop);
  try {
    const port = /on 127\.0\.0\.1:(\d+)/.exec(first.output())?.[1];
    const databaseUrl = given ?? `postgresql://postgres@127.0.0.1:${port}/postgres`;
    const section = await compareInstances({
      url: first.url,
      databaseUrl,
      // The embedded database runs inside the first instance's start script, counted with it.
      postgresPid: null,
      env,
      label: given ? 'PostgreSQL from DATABASE_URL' : 'embedded PGlite, served by the first instance',
    });
    const header = [
      `## ${section.title}`,
      '',
      `Machine: ${machineLine(machine)}. Build ${buildId}.`,
      ...[busyWarning(machine)].filter((line): line is string => line !== null).flatMap((line) => ['', line]),
    ];
    console.log(`\n${header.join('\n')}\n\n${markdownTable(section.rows)}\n`);
    console.log(`Saved to ${saveResults('instances', sectionMarkdown([section], header))}`);
  } finally {
    forget();
    await stop();
  }
}

if (isMain(import.meta.url)) {
  runAloneOnGivenDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
