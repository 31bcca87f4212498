// The two ways the change feed learns that an operation changed, and the probe that picks one.
//
// PostgreSQL delivers NOTIFY to every listening session. The embedded PGlite server does not: all
// its connections share one backend session, and it writes a notification back only on the
// connection whose query raised it, so a separate listening connection never hears an insert made
// elsewhere (checked with @electric-sql/pglite-socket 0.2.17; a NOTIFY sent on the listening
// connection itself IS heard, which is why the probe goes through another connection). There the
// feed polls a change token instead: the highest id of each announced table. PGlite runs one
// transaction at a time, so ids become visible in order and "ids above the last seen" misses none.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const CHANGE_CHANNEL = 'operation_changed';

/** The tables whose inserts are announced (see the operation_change_notify migration). */
const WATCHED_TABLES = ['figure', 'target', 'statement', 'event'] as const;

export type ChangeCursor = Record<(typeof WATCHED_TABLES)[number], number>;

/** Payloads of probes start with this; operation slugs cannot contain a colon. */
export const PROBE_PREFIX = 'probe:';

/** Runs one statement on a pooled connection and returns its rows. */
export type PooledQuery = <T>(text: string, values?: unknown[]) => Promise<T[]>;

/**
 * Whether a NOTIFY sent from another connection (one of `query`'s pool) reaches `listener`, which
 * must already LISTEN on the channel.
 */
export async function notificationsReachListener(
  listener: pg.Client,
  query: PooledQuery,
  timeoutMs: number,
): Promise<boolean> {
  const payload = `${PROBE_PREFIX}${randomUUID()}`;
  let onNotification: (message: pg.Notification) => void = () => {};
  let timer: NodeJS.Timeout | undefined;
  const heard = new Promise<boolean>((resolve) => {
    onNotification = (message) => {
      if (message.channel === CHANGE_CHANNEL && message.payload === payload) resolve(true);
    };
    listener.on('notification', onNotification);
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    // Cast to text: a bare void result is more than some clients (Prisma) will deserialise.
    await query('SELECT pg_notify($1, $2)::text AS sent', [CHANGE_CHANNEL, payload]);
    return await heard;
  } finally {
    clearTimeout(timer);
    listener.off('notification', onNotification);
  }
}

/** The current change token: one index lookup per table. */
export async function readCursor(query: PooledQuery): Promise<ChangeCursor> {
  const columns = WATCHED_TABLES.map(
    (table) => `(SELECT coalesce(max("id"), 0) FROM "${table}")::int AS "${table}"`,
  );
  const [row] = await query<ChangeCursor>(`SELECT ${columns.join(', ')}`);
  if (!row) throw new Error('The change token query returned no row');
  return row;
}

export interface ChangesSince {
  cursor: ChangeCursor;
  /** Slugs of operations with rows added since the previous cursor. */
  operations: string[];
  /** Ids went backwards (the database was reset or restored): anything may have changed. */
  reset: boolean;
}

export async function changesSince(query: PooledQuery, previous: ChangeCursor): Promise<ChangesSince> {
  const cursor = await readCursor(query);
  const moved = WATCHED_TABLES.filter((table) => cursor[table] !== previous[table]);
  if (moved.length === 0) return { cursor, operations: [], reset: false };
  if (moved.some((table) => cursor[table] < previous[table])) {
    return { cursor, operations: [], reset: true };
  }
  // Bounded above by the new cursor, so a row inserted meanwhile is reported by the next poll.
  const values: number[] = [];
  const parts = moved.map((table) => {
    values.push(previous[table], cursor[table]);
    return `SELECT "operation_id" FROM "${table}" WHERE "id" > $${values.length - 1} AND "id" <= $${values.length}`;
  });
  const rows = await query<{ slug: string }>(
    `SELECT DISTINCT o."slug" FROM (${parts.join(' UNION ALL ')}) AS changed
       JOIN "operation" AS o ON o."id" = changed."operation_id"`,
    values,
  );
  return { cursor, operations: rows.map((row) => row.slug), reset: false };
}
