// Keeps two migration runs from overlapping, which would otherwise both see a migration as
// pending and both run it (the second then fails half-way and leaves a failed row behind).
import type pg from 'pg';

/**
 * Session advisory-lock key of this project's migration runs. It must differ from the key the
 * schema engine takes for itself (72707369) while applying: the engine takes that one on a pool
 * connection of its own, and on PostgreSQL a second session waiting for a lock we hold would
 * deadlock us.
 */
export const MIGRATION_LOCK_KEY = 4_207_339_216_851_730_013n;

/**
 * Runs `work` while holding the advisory lock on `client`, a connection used for nothing else
 * that could open a transaction: on the embedded PGlite server, every connection shares one
 * backend, and a transaction left open on one connection stalls all the others.
 */
export async function withMigrationLock<T>(
  client: pg.Client,
  log: (line: string) => void,
  work: () => Promise<T>,
): Promise<T> {
  const key = MIGRATION_LOCK_KEY.toString();
  const tried = await client.query<{ locked: boolean }>(
    'SELECT pg_try_advisory_lock($1::bigint) AS locked',
    [key],
  );
  if (!tried.rows[0]?.locked) {
    log('Another migration run is in progress; waiting for it to finish');
    await client.query('SELECT pg_advisory_lock($1::bigint)', [key]);
  }
  try {
    return await work();
  } finally {
    // If the connection broke, PostgreSQL has released the lock with the session already.
    await client.query('SELECT pg_advisory_unlock($1::bigint)', [key]).catch(() => {});
  }
}

// PGlite's advisory locks are re-entrant across connections (one backend session serves them
// all), so within a process the runs are also queued here. The queue lives on globalThis because
// a bundler or test runner can load this module more than once in the same process.
const queueKey = Symbol.for('evacuation-figures.migration-queue');
type QueueHolder = { [queueKey]?: Promise<unknown> };

/** Runs `work` after every earlier call in this process has settled. */
export function inProcessQueue<T>(work: () => Promise<T>): Promise<T> {
  const holder = globalThis as QueueHolder;
  const previous = holder[queueKey] ?? Promise.resolve();
  const next = previous.then(work, work);
  holder[queueKey] = next.catch(() => {});
  return next;
}
