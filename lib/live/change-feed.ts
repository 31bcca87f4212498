// Which operations changed, for every open live page of this process. The app servers stay
// stateless (the database tells each instance, so N instances behind a load balancer behave as
// one), and a thousand open pages cost one connection, not a thousand.
//
// PostgreSQL: ONE dedicated connection LISTENs on `operation_changed` (see the
// operation_change_notify migration), reopened with backoff when it drops.
// Embedded PGlite server, which does not deliver NOTIFY between connections (change-detection.ts):
// a change token is polled every second through the app's own pool, so the feed holds no
// connection of its own there (the embedded server accepts only 8, and the pool may use 7).
// Which of the two is decided at start-up by a probe, never by configuration. Nothing here ever
// throws into the process.
import 'server-only';
import { getPrisma } from '../db';
import { env } from '../env';
import { loggerFor } from '../logger';
import { onServerStop } from '../server/stop-hooks';
import {
  CHANGE_CHANNEL,
  changesSince,
  notificationsReachListener,
  PROBE_PREFIX,
  readCursor,
  type ChangeCursor,
  type PooledQuery,
} from './change-detection';
import type {
  ChangeFeed,
  ChangeFeedMode,
  ChangeFeedOptions,
  ChangeListener,
  OperationChange,
} from './change-feed-types';
import { listenConnection, ownPool } from './listen-connection';

export type {
  ChangeFeed,
  ChangeFeedMode,
  ChangeFeedOptions,
  ChangeListener,
  OperationChange,
} from './change-feed-types';

export function createChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const probeTimeoutMs = options.probeTimeoutMs ?? 1_000;
  const healthCheckIntervalMs = options.healthCheckIntervalMs ?? 30_000;
  const delay = options.reconnectDelayMs ?? { min: 250, max: 15_000 };
  const log = options.log ?? (() => {});
  // A lent query function stays the lender's to close; a pool of our own is ours.
  const pool = options.query
    ? { query: options.query, end: async () => {} }
    : ownPool(options.connectionString);
  const { query } = pool;

  const listeners = new Map<string, Set<ChangeListener>>();
  let mode: ChangeFeedMode | null = null;
  let closed = false;
  let wake: () => void = () => {};
  let markReady: (mode: ChangeFeedMode) => void = () => {};
  const readyPromise = new Promise<ChangeFeedMode>((resolve) => (markReady = resolve));

  function emit(operation: string, reason: OperationChange['reason']) {
    for (const listener of [...(listeners.get(operation) ?? [])]) {
      try {
        listener({ operation, reason });
      } catch (error) {
        log(`a change listener failed: ${messageOf(error)}`);
      }
    }
  }
  const emitAll = (reason: OperationChange['reason']) => {
    for (const operation of [...listeners.keys()]) emit(operation, reason);
  };

  /** Waits `ms`, or less if the feed closes meanwhile. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  /** One LISTEN connection's life; resolves when it drops, true if it got as far as listening. */
  async function listenSession(reconnected: boolean): Promise<boolean> {
    const { client, dropped, isAlive } = listenConnection(options.connectionString, log);
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (mode === null) {
        mode = (await notificationsReachListener(client, query, probeTimeoutMs)) ? 'notify' : 'polling';
        log(
          mode === 'notify'
            ? 'listening for changes (LISTEN/NOTIFY)'
            : `polling for changes every ${pollIntervalMs} ms (this database does not deliver NOTIFY between connections)`,
        );
        if (mode === 'polling') {
          // PGlite's connections share one session: stop it writing notifications onto them all.
          await client.query('UNLISTEN *');
          return true;
        }
      }
      client.on('notification', ({ channel, payload }) => {
        if (channel === CHANGE_CHANNEL && payload && !payload.startsWith(PROBE_PREFIX)) emit(payload, 'change');
      });
      // Whatever was announced while no connection listened is lost: every page refetches once.
      if (reconnected) {
        log('reconnected');
        emitAll('resync');
      }
      markReady('notify');
      // An idle LISTEN connection can die silently (a NAT timeout); asking now and then notices.
      while (!closed && isAlive()) {
        await Promise.race([client.query('SELECT 1').catch(() => undefined), dropped]);
        if (isAlive()) await Promise.race([sleep(healthCheckIntervalMs), dropped]);
      }
      return true;
    } finally {
      client.removeAllListeners('notification');
      await client.end().catch(() => {});
    }
  }

  async function poll() {
    let cursor: ChangeCursor | null = null;
    let failing = false;
    while (!closed) {
      try {
        if (!cursor) {
          cursor = await readCursor(query);
          markReady('polling');
        } else {
          const changes = await changesSince(query, cursor);
          cursor = changes.cursor;
          if (changes.reset) emitAll('resync');
          for (const operation of changes.operations) emit(operation, 'change');
        }
        if (failing) log('polling again');
        failing = false;
      } catch (error) {
        // The pool reconnects by itself and the cursor is kept, so what was missed is reported
        // by the first poll that succeeds.
        if (!failing) log(`polling for changes failed: ${messageOf(error)}`);
        failing = true;
      }
      await sleep(pollIntervalMs);
    }
  }

  async function run() {
    let failures = 0;
    let listenedBefore = false;
    while (!closed) {
      const listened = await listenSession(listenedBefore).catch((error: unknown) => {
        if (failures === 0) log(`cannot listen for changes: ${messageOf(error)}`);
        return false;
      });
      if (mode === 'polling') return poll();
      if (listened) [listenedBefore, failures] = [true, 0];
      if (closed) break;
      await sleep(Math.min(delay.max, delay.min * 2 ** failures) * (0.5 + Math.random() / 2));
      failures += 1;
    }
  }

  let running: Promise<void> | null = null;
  const start = () => {
    if (closed) return;
    running ??= run().catch((error: unknown) => log(`change feed stopped: ${messageOf(error)}`));
  };

  return {
    subscribe(operation, listener) {
      start();
      let set = listeners.get(operation);
      if (!set) listeners.set(operation, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0 && listeners.get(operation) === set) listeners.delete(operation);
      };
    },
    ready() {
      start();
      return readyPromise;
    },
    get mode() {
      return mode;
    },
    async close() {
      closed = true;
      listeners.clear();
      wake();
      await running;
      await pool.end();
    },
  };
}

/** The app's Prisma pool, so polling costs no connection of its own. */
const prismaQuery: PooledQuery = <T>(text: string, values: unknown[] = []) =>
  getPrisma().$queryRawUnsafe<T[]>(text, ...values);

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

// One feed per process, kept on globalThis because Next.js may load a module once per route
// bundle (and again on every edit in development).
const globalForFeed = globalThis as unknown as { changeFeed?: ChangeFeed };

export function getChangeFeed(): ChangeFeed {
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: start the app with `npm start`');
  if (!globalForFeed.changeFeed) {
    const logger = loggerFor('live-updates');
    const feed = createChangeFeed({
      connectionString: env.DATABASE_URL,
      query: prismaQuery,
      log: (line) => logger.info(`Live updates: ${line}`),
    });
    onServerStop('change feed', 'listeners', () => feed.close());
    globalForFeed.changeFeed = feed;
  }
  return globalForFeed.changeFeed;
}
