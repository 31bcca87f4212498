// Starts what every benchmark measures: the production build of the app (built first if missing),
// on a throwaway PostgreSQL 15 cluster, exactly as a user starts it (`scripts/run.ts start`, via the
// end-to-end tests' harness). Also the plumbing for running one bench file on its own.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, type RunningApp } from '../../tests/support/app-server';
import { describeMachine, machineLine } from './machine';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';
import { markdownTable, saveResults, sectionMarkdown, type BenchSection } from './report';

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const buildIdFile = resolve(projectRoot, '.next/BUILD_ID');

export interface BenchApp {
  /** The app on PostgreSQL 15. */
  url: string;
  databaseUrl: string;
  postgresVersion: string;
  buildId: string;
}

export function readBuildId(): string | null {
  return existsSync(buildIdFile) ? readFileSync(buildIdFile, 'utf8').trim() : null;
}

/** `npm run build` when there is no production build; an existing one is used as it is. */
export function ensureBuild(): string {
  const existing = readBuildId();
  if (existing) return existing;
  console.log('No .next/BUILD_ID: building the app first (next build)…');
  const result = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
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
  try {
    app = await startApp({ databaseUrl: cluster.url });
    const result = await measure({
      url: app.url,
      databaseUrl: cluster.url,
      postgresVersion: cluster.version,
      buildId,
    });
    // Another engineer's `next build` in the same checkout mid-run would mix two builds.
    if (readBuildId() !== buildId) console.warn('Warning: .next was rebuilt during the run.');
    return result;
  } finally {
    forget();
    await stopAll();
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
    ];
    console.log(`\n${header.join('\n')}\n\n${markdownTable(section.rows)}\n`);
    console.log(`Saved to ${saveResults(name, sectionMarkdown([section], header))}`);
  }).catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
