// `npm start` / `npm run dev`: choose the database, bring its schema up to date, seed it when
// empty, then run Next.js against it.
//
// With DATABASE_URL set, that PostgreSQL is used. Without it, an embedded PGlite server is started
// in this process with its files in EMBEDDED_DATA_DIR (git-ignored), so data survives a restart;
// Next.js runs as a child process and reaches it over TCP through the same adapter-pg code path.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { authSecretFor } from './auth-secret';
import { describeDatabaseUrl, env } from '../lib/env';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../lib/embedded-database';
import { prepareDatabase } from './prepare-database';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  let poolMax = env.DATABASE_POOL_MAX;
  if (databaseUrl) {
    console.log(`Database: PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (from DATABASE_URL)`);
  } else {
    const dataDir = resolve(env.EMBEDDED_DATA_DIR);
    embedded = await startEmbeddedDatabase({ dataDir });
    databaseUrl = embedded.url;
    // The app's main pool shares the server with the CSV export pool (2), the change feed's
    // listener and poller (2) and one spare for psql: keep the sum under the server's limit.
    poolMax = Math.min(poolMax, embedded.maxConnections - 5);
    console.log(
      `Database: embedded PGlite with its files in ${dataDir}, on ${embedded.host}:${embedded.port} ` +
        '(set DATABASE_URL to use PostgreSQL)',
    );
  }

  const stopEmbedded = async () => {
    await embedded?.stop().catch(() => undefined);
    embedded = undefined;
  };

  const prepared = await prepareDatabase(databaseUrl);
  if (!prepared.ok) {
    console.error(prepared.message);
    await stopEmbedded();
    process.exit(1);
  }

  const require = createRequire(import.meta.url);
  const nextBin = require.resolve('next/dist/bin/next');
  const args = [nextBin, mode, '--port', String(env.PORT), '--hostname', env.HOST];
  const child = spawn(process.execPath, args, {
    stdio: 'inherit',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: String(poolMax),
      AUTH_SECRET: authSecretFor(env.AUTH_SECRET, dirname(resolve(env.EMBEDDED_DATA_DIR))),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });

  // Forward stop signals so Next.js can finish requests in flight, then close the database.
  let stopRequested = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopRequested = true;
      child.kill(signal);
    });
  }
  child.on('exit', async (code) => {
    await stopEmbedded();
    // Next.js exits 130/143 when it stops on a signal: a stop we asked for is a clean exit.
    process.exit(stopRequested ? 0 : (code ?? 1));
  });
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
