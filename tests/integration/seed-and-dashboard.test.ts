// Migrate from empty, seed, seed again, and read the dashboard through the data-access layer, on
// the database the run was given (embedded PGlite by default, PostgreSQL 15 in CI).
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../../lib/generated/prisma/client';
import type { getOperationDashboard as GetDashboard } from '../../lib/data/operation-dashboard';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, sql, testDatabaseUrl } from '../support/database';

let prisma: PrismaClient;
let seedDatabase: (client: PrismaClient) => Promise<{ created: boolean }>;
let getOperationDashboard: typeof GetDashboard;

const TABLES = ['operation', 'population_group', 'source', 'target', 'figure', 'statement', 'event'];

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const { rows } = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => undefined });
  // lib/env reads process.env once, when first imported: point it at the test database first.
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.DATABASE_POOL_MAX = '2';
  ({ seedDatabase } = await import('../../prisma/seed'));
  ({ getOperationDashboard } = await import('../../lib/data/operation-dashboard'));
  const { getPrisma } = await import('../../lib/db');
  prisma = getPrisma();
});

describe('seeding', () => {
  it('creates the Kabul 2021 operation with every sourced fact of the reference article', async () => {
    expect(await seedDatabase(prisma)).toEqual({ created: true });
    expect(await rowCounts()).toEqual({
      operation: 1,
      population_group: 3,
      source: 6,
      target: 3,
      figure: 1,
      statement: 1,
      event: 4,
    });
    const publishers = (await prisma.source.findMany()).map((source) => source.publisher);
    expect(publishers).toEqual(
      expect.arrayContaining(['White House', 'UK Ministry of Defence', 'AFP']),
    );
  });

  it('changes nothing when run again', async () => {
    const before = await rowCounts();
    expect(await seedDatabase(prisma)).toEqual({ created: false });
    expect(await rowCounts()).toEqual(before);
  });

  it('changes nothing when two instances seed at once', async () => {
    const before = await rowCounts();
    const results = await Promise.all([seedDatabase(prisma), seedDatabase(prisma)]);
    expect(results).toEqual([{ created: false }, { created: false }]);
    expect(await rowCounts()).toEqual(before);
  });
});

describe('the dashboard read', () => {
  it('returns the latest figure with its source and the verdict against 60,000', async () => {
    const dashboard = await getOperationDashboard('kabul-2021');
    expect(dashboard?.group.slug).toBe('all-evacuees');
    expect(dashboard?.latestFigure).toMatchObject({
      value: 25_100,
      asOf: '2021-08-21T19:30:00.000Z',
      basisStart: '2021-08-13T19:30:00.000Z',
      source: { publisher: 'White House', via: 'AFP' },
    });
    const assessment = dashboard?.feasibility?.againstHigh;
    expect(assessment).toMatchObject({ goal: 60_000, remaining: 34_900, timeLeftDays: 10 });
    expect(assessment?.requiredPacePerDay).toBe(3_490);
    expect(assessment?.observedPace.wholeOperation?.perDay).toBe(3_137.5);
    expect(assessment?.observedPace.wholeOperation?.projectedTotalAtDeadline).toBe(56_475);
    expect(assessment?.verdict).toBe('off-track');
  });

  it("carries Borrell's claim with the arithmetic of that day: required pace above observed", async () => {
    const [statement] = (await getOperationDashboard('kabul-2021'))?.statements ?? [];
    expect(statement?.speaker).toBe('Josep Borrell');
    expect(statement?.quote).toContain('mathematically impossible');
    const arithmetic = statement?.arithmetic;
    expect(arithmetic?.requiredPacePerDay).toBeGreaterThan(arithmetic?.observedPace.wholeOperation?.perDay ?? Infinity);
  });

  it('shows what was knowable on an earlier date: before August 22 there is no figure', async () => {
    const dashboard = await getOperationDashboard('kabul-2021', { asOf: new Date('2021-08-20T00:00:00+04:30') });
    expect(dashboard?.latestFigure).toBeNull();
    expect(dashboard?.feasibility?.againstHigh.verdict).toBe('no-data');
    expect(dashboard?.statements).toEqual([]);
  });

  it('answers null for an unknown operation', async () => {
    expect(await getOperationDashboard('no-such-operation')).toBeNull();
  });
});
