// `npm run serve` / `npm run dev`: choose the database, bring its schema up to date, seed it when
// empty, then run the HTTP server (scripts/serve.ts) against it.
//
// With DATABASE_URL set, that PostgreSQL is used. Without it, an embedded PGlite server is started
// in this process with its files in EMBEDDED_DATA_DIR (git-ignored), so data survives a restart;
// the server runs as a child process and reaches it over TCP through the same adapter-pg code path.
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authSecretFor } from './auth-secret';
import { describeDatabaseUrl, env } from '../lib/env';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../lib/embedded-database';
import { loggerFor } from '../lib/logger';
import { prepareDatabase } from './prepare-database';
import { serverMemoryEnv } from './server-memory';

const mode = process.argv[2] === 'dev' ? 'dev' : 'start';
const logger = loggerFor('start');

async function main() {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  let poolMax = env.DATABASE_POOL_MAX;
  if (databaseUrl) {
    logger.info(`Database: PostgreSQL at ${describeDatabaseUrl(databaseUrl)} (from DATABASE_URL)`);
  } else {
    const dataDir = resolve(env.EMBEDDED_DATA_DIR);
    embedded = await startEmbeddedDatabase({ dataDir });
    databaseUrl = embedded.url;
    // The app's main pool shares the server with the CSV export pool (2), the change feed's
    // listener and poller (2) and one spare for psql: keep the sum under the server's limit.
    poolMax = Math.min(poolMax, embedded.maxConnections - 5);
    logger.info(
      `Database: embedded PGlite with its files in ${dataDir}, on ${embedded.host}:${embedded.port} ` +
        '(set DATABASE_URL to use PostgreSQL)',
    );
  }

  const stopEmbedded = async () => {
    await embedded?.stop().catch(() => undefined);
    embedded = undefined;
  };

  const prepared = await prepareDatabase(databaseUrl, (line) => logger.info(line));
  if (!prepared.ok) {
    logger.fatal(prepared.message);
    await stopEmbedded();
    process.exit(1);
  }

  const serve = fileURLToPath(new URL('./serve-entry.mjs', import.meta.url));
  const child = spawn(process.execPath, [serve, mode], {
    stdio: 'inherit',
    env: {
      ...process.env,
      ...serverMemoryEnv(process.env),
      NODE_ENV: mode === 'dev' ? 'development' : 'production',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: String(poolMax),
      AUTH_SECRET: authSecretFor(env.AUTH_SECRET, dirname(resolve(env.EMBEDDED_DATA_DIR)), (line) => logger.warn(line)),
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });

  // Forward stop signals: the server stops gracefully (scripts/serve.ts), then the database here.
  let stopRequested = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopRequested = true;
      child.kill(signal);
    });
  }
  child.on('exit', async (code, signal) => {
    await stopEmbedded();
    if (signal) logger.warn({ signal }, 'the server ended on a signal');
    process.exit(code ?? (stopRequested && signal !== 'SIGKILL' ? 0 : 1));
  });
}

void main().catch((error: unknown) => {
  logger.fatal(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
