// What the write benchmark writes and checks: an operation of its own (so nothing else in the run
// sees its figures), the same figure and source data for both sides, and the row check afterwards.
import pg from 'pg';

export const WRITE_BENCH_SLUG = 'bench-writes';
/** Each side writes to a group of its own, so neither side's figures meet the other's checks. */
export const OUR_GROUP = 'all-evacuees';
export const BASELINE_GROUP = 'us-nationals';
export const BASIS_START = '2021-08-14T00:00:00+04:30';
const BASIS_MS = Date.parse(BASIS_START);

/** The n-th write of a side: value and as-of both grow with n, so no write is a drop, in any order. */
export function benchFigure(step: number) {
  return {
    value: 1_000 + step,
    asOf: new Date(BASIS_MS + (step + 1) * 60_000).toISOString(),
    source: {
      publisher: 'Bench desk',
      title: `Evacuation bulletin ${step}`,
      url: `https://example.org/bulletins/${step}`,
      via: 'AFP',
    },
  };
}

export async function createBenchOperation(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
       VALUES ($1, 'Write benchmark', $2, '2031-09-01T00:00:00+04:30', 'Asia/Kabul') RETURNING id`,
      [WRITE_BENCH_SLUG, BASIS_START],
    );
    await client.query(
      `INSERT INTO population_group (operation_id, slug, name, position)
       VALUES ($1, $2, 'Written through the API', 0), ($1, $3, 'Written with plain INSERTs', 1)`,
      [rows[0]!.id, OUR_GROUP, BASELINE_GROUP],
    );
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
}

export interface RowCheck {
  expected: number;
  figures: number;
  /** Planned values with no row. */
  lost: number;
  /** Rows beyond one per planned value. */
  duplicated: number;
  /** Figures whose source row is shared with another figure or missing. */
  sourceMismatches: number;
  /** Audit entries of these figures (the API writes one each; plain INSERTs none). */
  auditEntries: number;
}

/** Compares the group's rows with the `expected` values 1,000 … 1,000 + expected − 1. */
export async function checkRows(databaseUrl: string, group: string, expected: number): Promise<RowCheck> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `WITH ours AS (
         SELECT f.id, f.value, f.source_id FROM figure f
           JOIN population_group g ON g.id = f.group_id
           JOIN operation o ON o.id = f.operation_id
          WHERE o.slug = $1 AND g.slug = $2)
       SELECT (SELECT count(*)::int FROM ours) AS figures,
              (SELECT count(*)::int FROM generate_series(1000, 999 + $3::int) v WHERE v NOT IN (SELECT value FROM ours)) AS lost,
              (SELECT (count(*) - count(DISTINCT value))::int FROM ours) AS duplicated,
              (SELECT (count(*) - count(DISTINCT s.id))::int FROM ours JOIN source s ON s.id = ours.source_id)
                + (SELECT count(*)::int FROM ours WHERE source_id NOT IN (SELECT id FROM source)) AS source_mismatches,
              (SELECT count(*)::int FROM audit_entry WHERE action = 'figure.create' AND entity_id IN (SELECT id::text FROM ours)) AS audit_entries`,
      [WRITE_BENCH_SLUG, group, expected],
    );
    const row = rows[0];
    return {
      expected,
      figures: row.figures,
      lost: row.lost,
      duplicated: row.duplicated,
      sourceMismatches: row.source_mismatches,
      auditEntries: row.audit_entries,
    };
  } finally {
    await client.end();
  }
}

export const rowCheckLine = (check: RowCheck) =>
  `${check.figures.toLocaleString('en')} of ${check.expected.toLocaleString('en')} stored, ${check.lost} lost, ` +
  `${check.duplicated} duplicated${check.sourceMismatches ? `, **${check.sourceMismatches} source mismatches**` : ''}`;

export const rowCheckPassed = (check: RowCheck) =>
  check.figures === check.expected && check.lost === 0 && check.duplicated === 0 && check.sourceMismatches === 0;
