// Starts the real app the way a user does (`npm run serve`: database, migrations, seed, then
// `next start`) on a free loopback port, and stops it again. Used by the end-to-end tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningApp {
  url: string;
  /** The app's process: the leader of a process group that holds every process of the app. */
  pid: number;
  /** Everything the app printed so far. */
  output(): string;
  /** Sends `signal` to every process of the app at once (kill -9 of the whole app with SIGKILL). */
  kill(signal: NodeJS.Signals): void;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface AppOptions {
  /** Unset: the embedded PGlite database, with its files in `embeddedDataDir`. */
  databaseUrl?: string;
  embeddedDataDir?: string;
  env?: Record<string, string>;
}

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
    // A process group of its own, so a signal reaches the server and every child it started.
    { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('The app did not start');
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilServing(url, child, () => output);
  return {
    url,
    pid,
    output: () => output,
    kill: (signal) => signalGroup(pid, signal),
    stop: (signal = 'SIGTERM') => stopChild(child, signal),
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
  signalGroup(child.pid!, 'SIGKILL');
  throw new Error(`The app did not start within 120 s:\n${output()}`);
}

/** Signals the whole process group; a group already gone is not an error. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  const pid = child.pid!;
  // A child killed by a signal keeps exitCode null: signalCode says it is gone already. What it
  // started may outlive it: make sure nothing of the group is left.
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(pid, 'SIGKILL');
    return Promise.resolve(child.exitCode);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signalGroup(pid, 'SIGKILL'), 20_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      // Whatever of the group is still there (a child that ignored the signal) goes too.
      signalGroup(pid, 'SIGKILL');
      resolve(code);
    });
    signalGroup(pid, signal);
  });
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
