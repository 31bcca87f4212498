// Starts what every benchmark measures: the production build of the app (built first if missing),
// on a throwaway PostgreSQL 15 cluster, exactly as a user starts it (`scripts/run.ts start`, via the
// end-to-end tests' harness). Also the plumbing for running one bench file on its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../../tests/support/app-server';
import { busyWarning, describeMachine, machineLine } from './machine';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { markdownTable, saveResults, sectionMarkdown, type BenchSection } from './report';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const buildIdFile = resolve(projectRoot, '.next/BUILD_ID');

export interface BenchApp {
  /** The app on PostgreSQL 15. */
  url: string;
  databaseUrl: string;
  postgresVersion: string;
  postgresPid: number;
  buildId: string;
}

export function readBuildId(): string | null {
  return existsSync(buildIdFile) ? readFileSync(buildIdFile, 'utf8').trim() : null;
}

/** Newest modification time of the files under the given source folders. */
function newestSourceTime(folders: string[]): number {
  let newest = 0;
  for (const folder of folders) {
    const dir = resolve(projectRoot, folder);
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/**
 * `npm run build` when there is no production build. An existing one is used as it is (others
 * may be working in this checkout; rebuilding under them would break their running app), with a
 * warning when sources changed since, since the numbers are then those of older code.
 */
export function ensureBuild(): string {
  const existing = readBuildId();
  if (existing) {
    if (newestSourceTime(['app', 'components', 'lib/data', 'lib/http']) > statSync(buildIdFile).mtimeMs) {
      console.warn('Warning: app/, components/ or lib/ changed since the last build: run npm run build.');
    }
    return existing;
  }
  console.log('No .next/BUILD_ID: building the app first (npm run build)…');
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: projectRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  const built = readBuildId();
  if (result.status !== 0 || !built) throw new Error('next build failed');
  return built;
}

// Whatever was started is stopped on Ctrl-C too: a leftover cluster would hold a port and /tmp.
const cleanups = new Set<() => Promise<void>>();
let signalsHooked = false;
function hookSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void Promise.allSettled([...cleanups].map((cleanup) => cleanup())).then(() => process.exit(130));
    });
  }
}

/** Registers a cleanup to run on Ctrl-C; call the returned function once it has run normally. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  hookSignals();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

export async function withBenchApp<T>(measure: (app: BenchApp) => Promise<T>): Promise<T> {
  const buildId = ensureBuild();
  const cluster: PostgresCluster = await startPostgresCluster();
  let app: RunningApp | undefined;
  const stopAll = async () => {
    await app?.stop().catch(() => undefined);
    app = undefined;
    cluster.stop();
  };
  const forget = onInterrupt(stopAll);
  // A crash or a closed stdout (`npm run bench | head`) ends the process without the finally
  // below: still stop the cluster (synchronous) and signal the app, or both would linger.
  const onExit = () => {
    void app?.stop();
    cluster.stop();
  };
  process.once('exit', onExit);
  try {
    app = await startApp({ databaseUrl: cluster.url });
    const result = await measure({
      url: app.url,
      databaseUrl: cluster.url,
      postgresVersion: cluster.version,
      postgresPid: cluster.pid,
      buildId,
    });
    // Another engineer's `next build` in the same checkout mid-run would mix two builds.
    if (readBuildId() !== buildId) console.warn('Warning: .next was rebuilt during the run.');
    return result;
  } finally {
    forget();
    await stopAll();
    process.off('exit', onExit);
  }
}

/** True when this module is the script tsx was asked to run (not imported by run-all). */
export function isMain(moduleUrl: string): boolean {
  const script = process.argv[1];
  return script !== undefined && resolve(script) === fileURLToPath(moduleUrl);
}

/** Runs one bench alone: app, measurement, table on stdout, bench/results/<name>.md. */
export function runAlone(name: string, measure: (app: BenchApp) => Promise<BenchSection>): void {
  const machine = describeMachine();
  withBenchApp(async (app) => {
    const section = await measure(app);
    const header = [
      `## ${section.title}`,
      '',
      `Machine: ${machineLine(machine)}. PostgreSQL ${app.postgresVersion}, build ${app.buildId}.`,
      ...[busyWarning(machine)].filter((line): line is string => line !== null).flatMap((line) => ['', line]),
    ];
    console.log(`\n${header.join('\n')}\n\n${markdownTable(section.rows)}\n`);
    console.log(`Saved to ${saveResults(name, sectionMarkdown([section], header))}`);
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
