// The rules the init migration adds below Prisma's DDL, checked by writing the rows an editor's
// slip or a buggy import would write. Each refusal must name the rule, so the message can be
// traced to it.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, sql, testDatabaseUrl } from '../support/database';

interface Series {
  operationId: number;
  groupId: number;
  otherGroupId: number;
  sourceId: number;
}

let series: Series;

async function insertId(text: string, values: unknown[] = []): Promise<number> {
  const { rows } = await sql<{ id: number }>(`${text} RETURNING id`, values);
  return rows[0]?.id as number;
}

/** The database error a statement fails with; fails the test if the statement succeeds. */
async function refusal(text: string, values: unknown[] = []) {
  const error = await sql(text, values).then(
    () => undefined,
    (caught: unknown) => caught as Error & { constraint?: string; code?: string },
  );
  expect(error, `expected a refusal of: ${text}`).toBeInstanceOf(Error);
  return error as Error & { constraint?: string; code?: string };
}

const cumulative = `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id)
  VALUES ($1, $2, $3, '2021-08-22T12:00Z', 'CUMULATIVE', '2021-08-14T00:00Z', $4)`;

function addFigure(value: number): Promise<number> {
  return insertId(cumulative, [series.operationId, series.groupId, value, series.sourceId]);
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl() });
});

beforeEach(async () => {
  const operationId = await insertId(
    `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
     VALUES ('kabul-' || floor(random() * 1e9)::text, 'Kabul airlift', '2021-08-14T00:00Z',
             '2021-08-31T19:29:59Z', 'Asia/Kabul')`,
  );
  const group = `INSERT INTO population_group (operation_id, slug, name) VALUES ($1, $2, $2)`;
  series = {
    operationId,
    groupId: await insertId(group, [operationId, 'all-evacuees']),
    otherGroupId: await insertId(group, [operationId, 'us-nationals']),
    sourceId: await insertId(
      `INSERT INTO source (publisher, title, url) VALUES ('White House', 'Briefing', 'https://www.whitehouse.gov/')`,
    ),
  };
});

describe('figures', () => {
  it('accept a well-formed count and a correction of it', async () => {
    const original = await addFigure(25_100);
    await insertId(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id,
                           replaces_id, correction_reason)
       VALUES ($1, $2, 25200, '2021-08-22T12:00Z', 'CUMULATIVE', '2021-08-14T00:00Z', $3, $4, 'Typo')`,
      [series.operationId, series.groupId, series.sourceId, original],
    );
  });

  it('refuse a negative value', async () => {
    const error = await refusal(cumulative, [series.operationId, series.groupId, -1, series.sourceId]);
    expect(error.message).toContain('figure_value_range');
  });

  it('refuse a window that ends before it starts', async () => {
    const error = await refusal(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, window_start, window_end, source_id)
       VALUES ($1, $2, 1000, '2021-08-22T12:00Z', 'WINDOW', '2021-08-22T00:00Z', '2021-08-21T00:00Z', $3)`,
      [series.operationId, series.groupId, series.sourceId],
    );
    expect(error.message).toContain('figure_window_order');
  });

  it('refuse a cumulative count without the date it counts from', async () => {
    const error = await refusal(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, source_id)
       VALUES ($1, $2, 1000, '2021-08-22T12:00Z', 'CUMULATIVE', $3)`,
      [series.operationId, series.groupId, series.sourceId],
    );
    expect(error.message).toContain('figure_cumulative_fields');
  });

  it('refuse a count without a source', async () => {
    const error = await refusal(cumulative, [series.operationId, series.groupId, 10, null]);
    expect(error.message).toMatch(/"source_id".*not-null constraint/);
  });

  it('refuse a correction without a reason', async () => {
    const original = await addFigure(25_100);
    const error = await refusal(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id, replaces_id)
       VALUES ($1, $2, 25200, '2021-08-22T12:00Z', 'CUMULATIVE', '2021-08-14T00:00Z', $3, $4)`,
      [series.operationId, series.groupId, series.sourceId, original],
    );
    expect(error.message).toContain('figure_correction_reason');
  });

  it('refuse a correction filed under another group than the figure it replaces', async () => {
    const original = await addFigure(25_100);
    const error = await refusal(
      `INSERT INTO figure (operation_id, group_id, value, as_of, kind, basis_start, source_id,
                           replaces_id, correction_reason)
       VALUES ($1, $2, 25200, '2021-08-22T12:00Z', 'CUMULATIVE', '2021-08-14T00:00Z', $3, $4, 'Typo')`,
      [series.operationId, series.otherGroupId, series.sourceId, original],
    );
    expect(error.constraint).toBe('figure_revision_same_series');
    expect(error.message).toContain('figure_revision_same_series');
  });

  it('cannot be changed, deleted or truncated once written', async () => {
    const id = await addFigure(25_100);
    for (const statement of [
      `UPDATE figure SET value = 30000 WHERE id = ${id}`,
      `DELETE FROM figure WHERE id = ${id}`,
      'TRUNCATE figure CASCADE',
    ]) {
      const error = await refusal(statement);
      expect(error.message, statement).toBe(
        'figure rows are append-only: add a correcting revision instead',
      );
      expect(error.constraint, statement).toBe('figure_append_only');
    }
    const { rows } = await sql<{ value: number }>('SELECT value FROM figure WHERE id = $1', [id]);
    expect(rows).toEqual([{ value: 25_100 }]);
  });
});

describe('other tables', () => {
  it('refuse a source link that is not a web address', async () => {
    const error = await refusal(
      `INSERT INTO source (publisher, title, url) VALUES ('AFP', 'Dispatch', 'javascript:alert(1)')`,
    );
    expect(error.message).toContain('source_url_scheme');
  });

  it('refuse a target whose range is upside down', async () => {
    const error = await refusal(
      `INSERT INTO target (operation_id, group_id, low, high, deadline, source_id)
       VALUES ($1, $2, 60000, 50000, '2021-08-31T19:29:59Z', $3)`,
      [series.operationId, series.groupId, series.sourceId],
    );
    expect(error.message).toContain('target_range_order');
  });

  it('refuse an operation whose deadline is not after its start, and a slug with capitals', async () => {
    const deadline = await refusal(
      `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
       VALUES ('late', 'Late', '2021-08-31T00:00Z', '2021-08-14T00:00Z', 'UTC')`,
    );
    expect(deadline.message).toContain('operation_deadline_after_start');
    const slug = await refusal(
      `INSERT INTO operation (slug, name, starts_at, deadline, time_zone)
       VALUES ('Kabul 2021', 'Kabul', '2021-08-14T00:00Z', '2021-08-31T00:00Z', 'UTC')`,
    );
    expect(slug.message).toContain('operation_slug_format');
  });

  it('refuse a blank quote and a negative event count', async () => {
    const quote = await refusal(
      `INSERT INTO statement (operation_id, speaker, said_at, quote, stance, source_id)
       VALUES ($1, 'Josep Borrell', '2021-08-22T12:00Z', '   ', 'INFEASIBLE', $2)`,
      [series.operationId, series.sourceId],
    );
    expect(quote.message).toContain('statement_quote_not_blank');
    const count = await refusal(
      `INSERT INTO event (operation_id, kind, title, reported_at, count, source_id)
       VALUES ($1, 'INCIDENT', 'Crowd crush', '2021-08-22T12:00Z', -7, $2)`,
      [series.operationId, series.sourceId],
    );
    expect(count.message).toContain('event_count_not_negative');
  });
});
