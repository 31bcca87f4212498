// The change feed's dedicated LISTEN connection, and the pooled queries it runs beside it.
import pg from 'pg';
import type { PooledQuery } from './change-detection';

export interface ListenConnection {
  client: pg.Client;
  /** Resolves when the connection drops (an error, the server closing it, or `end`). */
  dropped: Promise<void>;
  isAlive(): boolean;
}

export function listenConnection(connectionString: string, log: (line: string) => void): ListenConnection {
  const client = new pg.Client({
    connectionString,
    // Named, so an operator (or a test) can find it in pg_stat_activity.
    application_name: 'evac-change-feed',
    keepAlive: true,
    connectionTimeoutMillis: 5_000,
  });
  let alive = true;
  const dropped = new Promise<void>((resolve) => {
    const end = () => {
      alive = false;
      resolve();
    };
    // Always handled: an unhandled 'error' event would take the whole process down.
    client.on('error', (error) => {
      log(`connection lost: ${error.message}`);
      end();
    });
    client.on('end', end);
  });
  return { client, dropped, isAlive: () => alive };
}

export interface OwnPool {
  query: PooledQuery;
  end(): Promise<void>;
}

/** A one-connection pool of the feed's own, for when the caller has none to lend. */
export function ownPool(connectionString: string): OwnPool {
  const pool = new pg.Pool({ connectionString, max: 1, idleTimeoutMillis: 5_000 });
  pool.on('error', () => {});
  return {
    query: async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows as T[],
    end: () => pool.end().catch(() => {}),
  };
}
