// The change feed on the database the run was given: LISTEN/NOTIFY on PostgreSQL, polling on the
// embedded PGlite server (which does not deliver NOTIFY between connections). Either way a new row
// reaches the operation's subscribers within 2 s, and a dropped connection is recovered.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createChangeFeed, type ChangeFeed, type OperationChange } from '../../lib/live/change-feed';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, sql, testDatabaseKind, testDatabaseUrl } from '../support/database';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const INSERTS = {
  figure: `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id)
           SELECT o.id, g.id, 100, now(), 'CUMULATIVE', o.starts_at, s.id FROM fixture`,
  target: `INSERT INTO target (operation_id, group_id, low, high, deadline, source_id)
           SELECT o.id, g.id, 10, 20, o.deadline, s.id FROM fixture`,
  statement: `INSERT INTO statement (operation_id, speaker, said_at, quote, stance, source_id)
              SELECT o.id, 'Someone', now(), 'It can be done.', 'FEASIBLE', s.id FROM fixture`,
  event: `INSERT INTO event (operation_id, kind, title, reported_at, source_id)
          SELECT o.id, 'MILESTONE', 'Something happened', now(), s.id FROM fixture`,
};

async function insert(table: keyof typeof INSERTS, slug: string): Promise<void> {
  const fixture = `operation o JOIN population_group g ON g.operation_id = o.id,
                   (SELECT min(id) AS id FROM source) s WHERE o.slug = $1`;
  await sql(INSERTS[table].replace('fixture', fixture), [slug]);
}

/** Collects the changes one subscription hears. */
function listen(feed: ChangeFeed, slug: string) {
  const heard: OperationChange[] = [];
  const unsubscribe = feed.subscribe(slug, (change) => heard.push(change));
  /** Resolves with the ms since `since` once `count` changes were heard; rejects at `timeoutMs`. */
  const until = (count: number, timeoutMs = 2_000, since = Date.now()) =>
    new Promise<number>((resolve, reject) => {
      const check = setInterval(() => {
        const waited = Date.now() - since;
        if (heard.length >= count) resolve(waited);
        else if (waited > timeoutMs) reject(new Error(`heard ${heard.length} of ${count} changes`));
        else return;
        clearInterval(check);
      }, 10);
    });
  return { heard, until, unsubscribe };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Longer than a poll, so "nothing heard" means nothing was sent. */
const QUIET_MS = 1_500;

let feeds: ChangeFeed[] = [];
let proxies: TcpProxy[] = [];
const logs: string[] = [];

function newFeed(connectionString = testDatabaseUrl()): ChangeFeed {
  const feed = createChangeFeed({
    connectionString,
    reconnectDelayMs: { min: 100, max: 1_000 },
    log: (line) => logs.push(line),
  });
  feeds.push(feed);
  return feed;
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => undefined });
  await sql(`
    INSERT INTO operation (slug, name, starts_at, deadline, time_zone) VALUES
      ('feed-test', 'Feed test', '2021-08-14T00:00+04:30', '2021-09-01T00:00+04:30', 'Asia/Kabul'),
      ('other-operation', 'Other', '2021-08-14T00:00+04:30', '2021-09-01T00:00+04:30', 'Asia/Kabul');
    INSERT INTO population_group (operation_id, slug, name) SELECT id, 'everyone', 'Everyone' FROM operation;
    INSERT INTO source (publisher, title) VALUES ('Test desk', 'Change feed test');`);
});

afterEach(async () => {
  await Promise.all(feeds.map((feed) => feed.close()));
  await Promise.all(proxies.map((proxy) => proxy.close()));
  feeds = [];
  proxies = [];
});

describe('the change feed', () => {
  it('finds out by itself whether the database delivers NOTIFY between connections', async () => {
    const expected = testDatabaseKind() === 'postgresql' ? 'notify' : 'polling';
    expect(await newFeed().ready()).toBe(expected);
  });

  it.each(Object.keys(INSERTS) as (keyof typeof INSERTS)[])(
    'tells the subscriber of the operation about a new %s within 2 s',
    async (table) => {
      const feed = newFeed();
      const subscription = listen(feed, 'feed-test');
      await feed.ready();
      const inserted = Date.now();
      await insert(table, 'feed-test');
      expect(await subscription.until(1, 2_000, inserted)).toBeLessThan(2_000);
      expect(subscription.heard[0]).toEqual({ operation: 'feed-test', reason: 'change' });
    },
  );

  it('tells only the subscribers of the operation that changed', async () => {
    const feed = newFeed();
    const changed = listen(feed, 'feed-test');
    const other = listen(feed, 'other-operation');
    await feed.ready();
    await insert('figure', 'feed-test');
    await changed.until(1);
    await pause(QUIET_MS);
    expect(other.heard).toEqual([]);
  });

  it('stops telling a subscriber that unsubscribed, and keeps telling the others', async () => {
    const feed = newFeed();
    const leaving = listen(feed, 'feed-test');
    const staying = listen(feed, 'feed-test');
    await feed.ready();
    leaving.unsubscribe();
    await insert('event', 'feed-test');
    await staying.until(1);
    await pause(QUIET_MS);
    expect(leaving.heard).toEqual([]);
    expect(staying.heard).toHaveLength(1);
  });

  it('reconnects after its connection drops, and reports what happened meanwhile', async () => {
    const proxy = await startTcpProxy(testDatabaseUrl());
    proxies.push(proxy);
    const feed = newFeed(proxy.url);
    const subscription = listen(feed, 'feed-test');
    await feed.ready();

    proxy.drop({ refuse: true });
    await insert('figure', 'feed-test');
    // Long enough for a poll or a reconnection attempt to fail.
    await pause(QUIET_MS);
    proxy.restore();
    // Polling resumes from its cursor and reports the row itself; a LISTEN connection cannot
    // know what it missed, so it tells every subscriber to resync.
    await subscription.until(1, 5_000);
    const reason = testDatabaseKind() === 'postgresql' ? 'resync' : 'change';
    expect(subscription.heard[0]).toEqual({ operation: 'feed-test', reason });

    await insert('statement', 'feed-test');
    expect(await subscription.until(2)).toBeLessThan(2_000);
    const recovery = testDatabaseKind() === 'postgresql' ? 'reconnected' : 'polling again';
    expect(logs).toContain(recovery);
  });

  it('tells every instance: two feeds (two app servers) both hear one insert', async () => {
    const [first, second] = [newFeed(), newFeed()];
    const [a, b] = [listen(first, 'feed-test'), listen(second, 'feed-test')];
    await Promise.all([first.ready(), second.ready()]);
    const inserted = Date.now();
    await insert('figure', 'feed-test');
    expect(await a.until(1, 2_000, inserted)).toBeLessThan(2_000);
    expect(await b.until(1, 2_000, inserted)).toBeLessThan(2_000);
  });

  it.skipIf(testDatabaseKind() === 'embedded')(
    'reconnects when the server ends its session (a restart, an administrator)',
    async () => {
      const feed = newFeed();
      const subscription = listen(feed, 'feed-test');
      await feed.ready();
      await sql(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                  WHERE application_name = 'evac-change-feed' AND pid <> pg_backend_pid()`);
      await subscription.until(1, 5_000);
      expect(subscription.heard[0]?.reason).toBe('resync');
      const inserted = Date.now();
      await insert('event', 'feed-test');
      expect(await subscription.until(2, 2_000, inserted)).toBeLessThan(2_000);
    },
  );

  it('keeps trying while the database is away, without throwing', async () => {
    const proxy = await startTcpProxy(testDatabaseUrl());
    proxies.push(proxy);
    proxy.drop({ refuse: true });
    const feed = newFeed(proxy.url);
    const subscription = listen(feed, 'feed-test');
    await pause(1_500);
    expect(feed.mode).toBeNull();
    proxy.restore();
    await feed.ready();
    await insert('target', 'feed-test');
    expect(await subscription.until(1)).toBeLessThan(2_000);
  });
});
