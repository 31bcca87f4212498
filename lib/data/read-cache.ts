// What readers of an operation were just given, kept for a few seconds in this process so that a
// spike of readers (the moment the news breaks) costs the database one read per view, not one per
// reader. The page, its embed and the summary API all read through here.
//
// Never stale past a change this instance can know of: every entry of an operation is dropped
// when the change feed reports a change to it (LISTEN/NOTIFY, so a write through any instance
// counts), when the feed reconnects after missing announcements ('resync'), and at once after a
// write through this instance (before its answer leaves, so the writer's next read is fresh).
// The time limit is the backstop for what no one announces (the feed down, an edit by hand), and
// keeps a "latest" view's days-to-deadline arithmetic current.
import 'server-only';
import { getChangeFeed } from '../live/change-feed';

export const READ_CACHE_TTL_MS = 5_000;
/**
 * How old the last answer to a read may be and still stand in for it when the database cannot be
 * reached (recentOperationRead): a page whose rendering had begun when the database went away.
 */
export const STAND_IN_MAX_AGE_MS = 10 * 60_000;
/** Views are few (operation × group × as-of day), but the as-of day comes from the URL. */
const MAX_ENTRIES = 500;

interface Entry {
  value: Promise<unknown>;
  storedAt: number;
}

interface CacheState {
  entries: Map<string, Entry>;
  /** The last answer each read gave, past the time limit: a stand-in while the database is away. */
  lastAnswers: Map<string, { value: unknown; readAt: number }>;
  /** Operations whose changes this cache follows. */
  followed: Set<string>;
}

// On globalThis: Next.js may load this module once per route bundle, and they must share one.
const globalForCache = globalThis as unknown as { operationReadCache?: CacheState };
const state = (globalForCache.operationReadCache ??= { entries: new Map(), lastAnswers: new Map(), followed: new Set() });

const entryKey = (slug: string, key: string) => `${slug}\u0000${key}`;

/**
 * Drops everything read about the operation (after a write to it). Not the stand-ins: the next
 * read replaces them, and until then one is only ever shown saying when it was read.
 */
export function forgetOperationReads(slug: string): void {
  const prefix = entryKey(slug, '');
  for (const key of [...state.entries.keys()]) if (key.startsWith(prefix)) state.entries.delete(key);
}

function rememberAnswer(id: string, value: unknown, readAt: number): void {
  // A slow read that began before a newer one finished does not replace it.
  if ((state.lastAnswers.get(id)?.readAt ?? -1) > readAt) return;
  state.lastAnswers.delete(id);
  state.lastAnswers.set(id, { value, readAt });
  if (state.lastAnswers.size > MAX_ENTRIES) state.lastAnswers.delete(state.lastAnswers.keys().next().value as string);
}

/**
 * The last answer a read of (slug, key) gave, if it came within STAND_IN_MAX_AGE_MS: what a page
 * shows, saying when it was read, when the database cannot be reached in the middle of its
 * rendering. Figures may have been added since: the page says so much.
 */
export function recentOperationRead<T>(slug: string, key: string): { value: T; readAt: Date } | null {
  const answer = state.lastAnswers.get(entryKey(slug, key));
  if (!answer || Date.now() - answer.readAt > STAND_IN_MAX_AGE_MS) return null;
  return { value: answer.value as T, readAt: new Date(answer.readAt) };
}

/** Follows the operation's changes; false when no feed can be had (then nothing is kept). */
function follow(slug: string): boolean {
  if (state.followed.has(slug)) return true;
  try {
    getChangeFeed().subscribe(slug, () => forgetOperationReads(slug));
  } catch {
    return false;
  }
  state.followed.add(slug);
  return true;
}

/**
 * `load()`'s answer for (slug, key), shared with every caller within the time limit. Concurrent
 * callers share one load; a load that fails is not kept. An operation is followed (and its reads
 * kept) only once a read found it, so made-up slugs in URLs cost nothing here.
 */
export async function cachedOperationRead<T>(
  slug: string,
  key: string,
  load: () => Promise<T | null>,
): Promise<T | null> {
  if (!state.followed.has(slug)) {
    const readAt = Date.now();
    const value = await load();
    if (value !== null && follow(slug)) rememberAnswer(entryKey(slug, key), value, readAt);
    return value;
  }
  const id = entryKey(slug, key);
  const now = Date.now();
  const hit = state.entries.get(id);
  if (hit && now - hit.storedAt < READ_CACHE_TTL_MS) return hit.value as Promise<T | null>;

  const value = load();
  const entry: Entry = { value, storedAt: now };
  state.entries.delete(id);
  state.entries.set(id, entry);
  // Map order is insertion order: the first key is the oldest entry.
  if (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string);
  value.then(
    (answer) => {
      if (answer !== null) rememberAnswer(id, answer, now);
    },
    () => {
      if (state.entries.get(id) === entry) state.entries.delete(id);
    },
  );
  return value;
}
