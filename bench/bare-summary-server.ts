// The load-test baseline: a bare node:http + pg server answering GET
// /api/operations/:slug/summary from the same database, with the least machinery possible. It reads
// the same rows as the app (operation, groups, effective figures, targets, statements, events, each
// with its source) with plain SQL and serialises them in the app's JSON shape, with the same kind
// of strong ETag (SHA-256 of the body). It does NOT run lib/feasibility: it works out remaining,
// time left and the two paces for the latest target in a few lines, and resolves corrections in
// SQL, so its body is similar in size and structure, not byte-identical. Same pool size as the
// app's default (DATABASE_POOL_MAX 10), so the comparison is about the framework and the ORM.
//
// Started by bench/summary-load.ts as a child process (its own event loop, like the app):
//   DATABASE_URL=postgresql://… PORT=0 npx tsx bench/bare-summary-server.ts
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const DAY_MS = 86_400_000;

const SOURCE_COLUMNS = `json_build_object('publisher', s.publisher, 'title', s.title, 'url', s.url,
  'via', s.via, 'publishedAt', s.published_at, 'quote', s.quote) AS source`;
const GROUP_COLUMNS = `json_build_object('slug', g.slug, 'name', g.name) AS "group"`;

// Dates come back as Date objects; JSON.stringify writes them as ISO 8601, as the app's DTOs do.
type Row = Record<string, unknown>;

async function summary(slug: string, asOf: Date): Promise<object | null> {
  const { rows: operations } = await pool.query(
    `SELECT id, slug, name, description, starts_at AS "startsAt", deadline, time_zone AS "timeZone"
     FROM operation WHERE slug = $1`,
    [slug],
  );
  const operation = operations[0] as Row | undefined;
  if (!operation) return null;
  const id = operation.id;
  const [groups, figures, targets, statements, events] = await Promise.all([
    pool.query(`SELECT slug, name FROM population_group WHERE operation_id = $1 ORDER BY position, id`, [id]),
    // Effective figures: neither retracted nor replaced by a later revision.
    pool.query(
      `SELECT f.id, f.value, f.as_of AS "asOf", f.kind, f.basis_start AS "basisStart",
         f.window_start AS "windowStart", f.window_end AS "windowEnd", f.provisional,
         ${GROUP_COLUMNS}, ${SOURCE_COLUMNS}
       FROM figure f JOIN population_group g ON g.id = f.group_id JOIN source s ON s.id = f.source_id
       WHERE f.operation_id = $1 AND NOT f.retracted AND f.as_of <= $2
         AND NOT EXISTS (SELECT 1 FROM figure r WHERE r.replaces_id = f.id)
       ORDER BY f.as_of, f.id`,
      [id, asOf],
    ),
    pool.query(
      `SELECT t.low, t.high, t.deadline, ${GROUP_COLUMNS}, ${SOURCE_COLUMNS}
       FROM target t JOIN population_group g ON g.id = t.group_id JOIN source s ON s.id = t.source_id
       WHERE t.operation_id = $1 ORDER BY g.position, t.created_at, t.id`,
      [id],
    ),
    pool.query(
      `SELECT st.speaker, st.speaker_role AS "speakerRole", st.said_at AS "saidAt", st.quote,
         st.claimed_goal AS "claimedGoal", st.claimed_by AS "claimedBy", st.stance, ${SOURCE_COLUMNS}
       FROM statement st JOIN source s ON s.id = st.source_id
       WHERE st.operation_id = $1 AND st.said_at <= $2 ORDER BY st.said_at`,
      [id, asOf],
    ),
    pool.query(
      `SELECT e.kind, e.title, e.description, e.occurred_at AS "occurredAt", e.reported_at AS "reportedAt",
         e.count, ${SOURCE_COLUMNS}
       FROM event e JOIN source s ON s.id = e.source_id
       WHERE e.operation_id = $1 AND e.reported_at <= $2 ORDER BY e.occurred_at, e.reported_at`,
      [id, asOf],
    ),
  ]);
  const group = (groups.rows[0] as Row | undefined) ?? null;
  const series = (figures.rows as Row[]).filter(
    (f) => f.kind === 'CUMULATIVE' && (f.group as Row).slug === group?.slug,
  );
  const latest = series.at(-1) ?? null;
  const target = (targets.rows as Row[]).find((t) => (t.group as Row).slug === group?.slug) ?? null;
  return {
    operation,
    groups: groups.rows,
    group,
    viewAsOf: asOf.toISOString(),
    series,
    latestFigure: latest,
    target,
    targets: targets.rows,
    feasibility: target && latest ? arithmetic(latest, target, asOf) : null,
    statements: statements.rows,
    events: events.rows,
  };
}

/** Remaining, time left and paces: the few lines a hand-written endpoint would have. */
function arithmetic(latest: Row, target: Row, asOf: Date) {
  const evacuated = Number(latest.value);
  const goal = Number(target.high);
  const deadline = target.deadline as Date;
  const latestAt = latest.asOf as Date;
  const daysLeft = Math.max(0, (deadline.getTime() - latestAt.getTime()) / DAY_MS);
  const daysSoFar = (latestAt.getTime() - (latest.basisStart as Date).getTime()) / DAY_MS;
  const observed = daysSoFar > 0 ? evacuated / daysSoFar : null;
  return {
    goal,
    evacuated,
    remaining: Math.max(0, goal - evacuated),
    timeLeftDays: daysLeft,
    requiredPacePerDay: daysLeft > 0 ? Math.max(0, goal - evacuated) / daysLeft : null,
    observedPacePerDay: observed,
    projectedTotalAtDeadline: observed === null ? null : Math.floor(evacuated + observed * daysLeft),
    evaluatedAt: asOf.toISOString(),
  };
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const match = url.pathname.match(/^\/api\/operations\/([a-z0-9-]+)\/summary$/);
  if (request.method !== 'GET' || !match?.[1]) {
    response.writeHead(404).end();
    return;
  }
  const asOfParam = url.searchParams.get('asOf');
  // Like the app: a past day's view is the end of that day (here in UTC, not the operation's zone).
  const asOf = asOfParam ? new Date(Date.parse(`${asOfParam}T23:59:59.999Z`)) : new Date();
  summary(match[1], asOf).then(
    (data) => {
      if (!data) return void response.writeHead(404).end();
      const body = JSON.stringify(data);
      const etag = `"${createHash('sha256').update(body, 'utf8').digest('base64url').slice(0, 22)}"`;
      const headers = { etag, 'cache-control': 'public, max-age=0, s-maxage=5', vary: 'Accept-Encoding' };
      if (request.headers['if-none-match'] === etag) return void response.writeHead(304, headers).end();
      response.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(body);
    },
    (error: unknown) => {
      console.error(error);
      response.writeHead(500).end();
    },
  );
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  // The parent reads this line to learn the port.
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.closeAllConnections();
    server.close(() => void pool.end().then(() => process.exit(0)));
  });
}
