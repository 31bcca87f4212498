// A database that lives apart from any app instance, for tests that run several instances against
// one database or kill an instance: TEST_DATABASE_URL (wiped), or an embedded PGlite server in the
// test's own process. Apps get it as their DATABASE_URL, so none of them owns it.
import { startEmbeddedDatabase } from '../../lib/embedded-database';
import { resetExternalDatabase } from './app-database';
import { startApp, type AppOptions, type RunningApp } from './app-server';

export interface StandaloneDatabase {
  url: string;
  kind: 'postgresql' | 'embedded';
  stop(): Promise<void>;
}

/**
 * The embedded server accepts `maxConnections` sockets in all; several instances' pools share it
 * here, so it gets room for them (PGlite still runs one query at a time).
 */
export async function standaloneDatabase(options: { maxConnections?: number } = {}): Promise<StandaloneDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    await resetExternalDatabase(external);
    return { url: external, kind: 'postgresql', stop: async () => {} };
  }
  const embedded = await startEmbeddedDatabase({ port: 0, maxConnections: options.maxConnections ?? 64 });
  return { url: embedded.url, kind: 'embedded', stop: () => embedded.stop() };
}

/**
 * Starts `count` instances on one database. The first one migrates and seeds it; the others start
 * after it, together (on the embedded server, whose connections share one session, two migration
 * runners at once would not exclude each other).
 */
export async function startInstances(count: number, databaseUrl: string, options: Omit<AppOptions, 'databaseUrl'> = {}): Promise<RunningApp[]> {
  const first = await startApp({ ...options, databaseUrl });
  const others = await Promise.allSettled(
    Array.from({ length: count - 1 }, () => startApp({ ...options, databaseUrl })),
  );
  const started = [first, ...others.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []))];
  const failure = others.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((app) => app.stop()));
    throw failure.reason;
  }
  return started;
}
