// The two kinds of writer the write benchmark runs side by side, each as N concurrent clients that
// send their writes one after another: the write API over HTTP (one token per client), and plain
// pg INSERTs of the same source and figure rows (one connection per client, one transaction each).
import pg from 'pg';
import { BASIS_START, BASELINE_GROUP, OUR_GROUP, WRITE_BENCH_SLUG, benchFigure } from './write-fixture';

export interface WriteRun {
  writes: number;
  seconds: number;
  /** Milliseconds per write, in completion order. */
  latencies: number[];
  /** Status codes other than 201 (API) or errors (pg), with how often each came. */
  failures: Map<string, number>;
}

/** Which steps client `client` writes in a run: contiguous, so every step is written once. */
function stepsOf(firstStep: number, client: number, perClient: number): number[] {
  return Array.from({ length: perClient }, (_, i) => firstStep + client * perClient + i);
}

async function runClients(
  clients: number,
  perClient: number,
  firstStep: number,
  write: (client: number, step: number) => Promise<string | null>,
): Promise<WriteRun> {
  const latencies: number[] = [];
  const failures = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (const step of stepsOf(firstStep, client, perClient)) {
        const sent = performance.now();
        const failure = await write(client, step).catch((error: unknown) => String((error as Error).message ?? error));
        latencies.push(performance.now() - sent);
        if (failure !== null) failures.set(failure, (failures.get(failure) ?? 0) + 1);
      }
    }),
  );
  return { writes: clients * perClient, seconds: (performance.now() - started) / 1000, latencies, failures };
}

/** POST /api/operations/bench-writes/figures, each client with its own token. */
export function apiWriters(appUrl: string, tokens: string[]) {
  const url = `${appUrl}/api/operations/${WRITE_BENCH_SLUG}/figures`;
  return (perClient: number, firstStep: number) =>
    runClients(tokens.length, perClient, firstStep, async (client, step) => {
      const figure = benchFigure(step);
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${tokens[client]}` },
        body: JSON.stringify({ group: OUR_GROUP, kind: 'cumulative', basisStart: '2021-08-14', ...figure }),
      });
      await response.arrayBuffer();
      return response.status === 201 ? null : `HTTP ${response.status}`;
    });
}

const INSERT_SOURCE = `INSERT INTO source (publisher, title, url, via) VALUES ($1, $2, $3, $4) RETURNING id`;
const INSERT_FIGURE = `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, provisional, source_id)
  VALUES ($1, $2, $3, $4, 'CUMULATIVE', $5, false, $6)`;

/** The same rows with plain INSERTs: a transaction per write (source, then figure), as a bare service would. */
export async function pgWriters(databaseUrl: string, clients: number) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: clients });
  const { rows } = await pool.query<{ operation_id: number; group_id: number }>(
    `SELECT o.id AS operation_id, g.id AS group_id FROM operation o
       JOIN population_group g ON g.operation_id = o.id AND g.slug = $2 WHERE o.slug = $1`,
    [WRITE_BENCH_SLUG, BASELINE_GROUP],
  );
  const { operation_id: operationId, group_id: groupId } = rows[0]!;
  // One connection per client, opened before the clock starts (the app's pool is warm too).
  const connections = await Promise.all(Array.from({ length: clients }, () => pool.connect()));
  const run = (perClient: number, firstStep: number) =>
    runClients(clients, perClient, firstStep, async (client, step) => {
      const connection = connections[client]!;
      const { value, asOf, source } = benchFigure(step);
      try {
        await connection.query('BEGIN');
        const inserted = await connection.query<{ id: number }>(INSERT_SOURCE, [source.publisher, source.title, source.url, source.via]);
        await connection.query(INSERT_FIGURE, [operationId, groupId, value, asOf, BASIS_START, inserted.rows[0]!.id]);
        await connection.query('COMMIT');
        return null;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  const close = async () => {
    for (const connection of connections) connection.release();
    await pool.end();
  };
  return { run, close };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const failureText = (failures: Map<string, number>) =>
  [...failures].map(([what, count]) => `${count}× ${what}`).join(', ');
