// Starts the real app the way a user does (`npm run serve`: database, migrations, seed, then the
// HTTP server) on a free loopback port, and stops it again. Used by the end-to-end tests.
//
// The app runs in a process group of its own (start script, server): signals go to the whole
// group, and a stop that times out kills the group, so no server outlives a test run.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningApp {
  url: string;
  /** The start script's pid, which leads the app's process group. */
  pid: number;
  /** Everything the app printed so far. */
  output(): string;
  /** Sends a signal to the app's whole process group, without waiting. */
  kill(signal: NodeJS.Signals): void;
  /** Signals the group, waits for the exit (SIGKILL to the group after 20 s); the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface AppOptions {
  /** Unset: the embedded PGlite database, with its files in `embeddedDataDir`. */
  databaseUrl?: string;
  embeddedDataDir?: string;
  env?: Record<string, string>;
}

// Groups still running when the test process ends (a test that timed out before its stop) are
// killed with it: a detached group would otherwise outlive the run.
const runningGroups = new Set<number>();
process.once('exit', () => {
  for (const pid of runningGroups) signalGroup(pid, 'SIGKILL');
});

export async function startApp(options: AppOptions): Promise<RunningApp> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: String(port),
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    ...options.env,
  };
  delete env.DATABASE_URL;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.embeddedDataDir) env.EMBEDDED_DATA_DIR = options.embeddedDataDir;

  const child = spawn(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', '--conditions=react-server', 'scripts/run.ts', 'start'],
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('The app did not start: no pid');
  runningGroups.add(pid);
  child.once('exit', () => runningGroups.delete(pid));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child, () => output).catch((error: unknown) => {
    signalGroup(pid, 'SIGKILL');
    throw error;
  });
  return {
    url,
    pid,
    output: () => output,
    kill: (signal) => signalGroup(pid, signal),
    stop: (signal = 'SIGTERM') => stopGroup(child, pid, signal),
  };
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The app exited with code ${child.exitCode}:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/`, { signal: AbortSignal.timeout(5_000) });
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // An app that never came up is not left behind (nobody gets a handle to stop it).
  if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
  throw new Error(`The app did not start within 120 s:\n${output()}`);
}

/** Signals every process of the group the app leads; a group already gone is not an error. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function stopGroup(child: ChildProcess, pid: number, signal: NodeJS.Signals): Promise<number | null> {
  // A child killed by a signal keeps exitCode null: signalCode says it is gone already.
  const exited = child.exitCode !== null || child.signalCode !== null;
  const exit: Promise<number | null> = exited
    ? Promise.resolve(child.exitCode)
    : new Promise((resolve) => {
        const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 20_000);
        child.once('exit', (code) => {
          clearTimeout(timer);
          resolve(code);
        });
        signalGroup(pid, signal);
      });
  // Whatever of the group is still there once its leader has gone (it should be nothing) goes too.
  return exit.finally(() => signalGroup(pid, 'SIGKILL'));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}
