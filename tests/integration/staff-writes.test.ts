// The write services against a real database: validation that needs the data (groups, the as-of
// window, falling totals), idempotency, correction conflicts and the audit trail.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/audit/audit-log';
import type * as FigureWrites from '../../lib/data/writes/figure-writes';
import type * as TimelineWrites from '../../lib/data/writes/timeline-writes';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, sql, testDatabaseUrl } from '../support/database';

let writes: typeof FigureWrites;
let timeline: typeof TimelineWrites;
let editor: Actor;

const source = { publisher: 'Test desk', title: 'Count relayed by a test', url: 'https://example.org/count' };
const figure = (value: number, asOf: string, extra: Record<string, unknown> = {}) => ({
  group: 'all-evacuees', value, kind: 'cumulative', basisStart: '2021-08-14', asOf, source, ...extra,
});

async function count(table: string): Promise<number> {
  const { rows } = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
  return Number(rows[0]!.n);
}

async function counts() {
  return { figure: await count('figure'), source: await count('source'), audit: await count('audit_entry') };
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => undefined });
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.DATABASE_POOL_MAX = '4';
  const { getPrisma } = await import('../../lib/db');
  const { seedDatabase } = await import('../../prisma/seed');
  const { createStaffUser } = await import('../../lib/auth/staff-users');
  writes = await import('../../lib/data/writes/figure-writes');
  timeline = await import('../../lib/data/writes/timeline-writes');
  await seedDatabase(getPrisma());
  const created = await createStaffUser(getPrisma(), { cli: { ipAddress: null, userAgent: 'test', requestId: 'setup' } }, {
    email: 'Editor@Example.org', name: 'Editor', role: 'editor', password: 'a long enough password',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  expect(created.user.email).toBe('editor@example.org');
  editor = { userId: created.user.id, email: created.user.email, role: 'editor', channel: 'api', ipAddress: '192.0.2.7', userAgent: 'test', requestId: 'req-1' };
});

describe('adding a figure', () => {
  it('stores the figure, its source and one audit entry naming the editor', async () => {
    const before = await counts();
    const result = await writes.addFigure(editor, 'kabul-2021', figure(28_000, '2021-08-23T08:00'));
    expect(result).toMatchObject({ ok: true, status: 201, replayed: false, data: { value: 28_000, group: 'all-evacuees', kind: 'cumulative', asOf: '2021-08-23T03:30:00.000Z', basisStart: '2021-08-13T19:30:00.000Z' } });
    expect(await counts()).toEqual({ figure: before.figure + 1, source: before.source + 1, audit: before.audit + 1 });
    const { rows } = await sql(`SELECT action, actor_user_id, channel, entity_id, ip_address FROM audit_entry ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({ action: 'figure.create', actor_user_id: editor.userId, channel: 'api', entity_id: String(result.ok && result.data.id), ip_address: '192.0.2.7' });
  });

  it.each([
    ['an as-of far in the future', figure(30_000, '2099-01-01'), 'asOf', 'must not be more than a day in the future'],
    ['an as-of years before the operation', figure(30_000, '2015-01-01', { basisStart: '2015-01-01' }), 'asOf', 'must not be more than a year before the operation started'],
    ['an unknown group', figure(30_000, '2021-08-24', { group: 'tourists' }), 'group', "must be one of this operation's groups: all-evacuees, us-nationals, afghans"],
    ['a basis after the as-of', figure(30_000, '2021-08-24', { basisStart: '2021-08-25' }), 'basisStart', 'must not be after the as-of date'],
  ])('refuses %s, naming the field, and stores nothing', async (_label, input, field, message) => {
    const before = await counts();
    const result = await writes.addFigure(editor, 'kabul-2021', input);
    expect(result).toEqual({ ok: false, status: 400, error: 'invalid_input', errors: [{ field, message: expect.stringContaining(message) }] });
    expect(await counts()).toEqual(before);
  });

  it('refuses a running total lower than the latest one on its basis, pointing at a correction', async () => {
    const before = await counts();
    const result = await writes.addFigure(editor, 'kabul-2021', figure(20_000, '2021-08-24'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.status === 400 && result.errors[0]).toMatchObject({
      field: 'value',
      message: expect.stringMatching(/lower than the latest figure on this basis \(28,000 .*correct it with a reason/),
    });
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown operation', async () => {
    expect(await writes.addFigure(editor, 'nowhere', figure(1, '2021-08-24'))).toMatchObject({ ok: false, status: 404 });
  });
});

describe('idempotency', () => {
  it('stores one row for a repeated key and replays the first answer', async () => {
    const before = await counts();
    const first = await writes.addFigure(editor, 'kabul-2021', figure(29_000, '2021-08-23T12:00'), 'key-repeat');
    const second = await writes.addFigure(editor, 'kabul-2021', figure(29_000, '2021-08-23T12:00'), 'key-repeat');
    expect(first).toMatchObject({ ok: true, replayed: false });
    expect(second).toEqual({ ...first, replayed: true });
    expect(await counts()).toEqual({ figure: before.figure + 1, source: before.source + 1, audit: before.audit + 1 });
  });

  it('refuses the same key with a different body (409) and stores nothing', async () => {
    const before = await counts();
    const result = await writes.addFigure(editor, 'kabul-2021', figure(29_500, '2021-08-23T12:00'), 'key-repeat');
    expect(result).toMatchObject({ ok: false, status: 409, error: 'idempotency_key_reused' });
    expect(await counts()).toEqual(before);
  });

  it('stores one row when ten identical requests race', async () => {
    const before = await counts();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => writes.addFigure(editor, 'kabul-2021', figure(29_800, '2021-08-23T13:00'), 'key-race')),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
    expect(await counts()).toEqual({ figure: before.figure + 1, source: before.source + 1, audit: before.audit + 1 });
  });
});

describe('corrections', () => {
  it('adds a revision naming the one it replaces; the old value stays', async () => {
    const added = await writes.addFigure(editor, 'kabul-2021', figure(31_000, '2021-08-24T10:00'));
    if (!added.ok) throw new Error('setup');
    const corrected = await writes.correctFigure(editor, 'kabul-2021', {
      replaces: added.data.id, action: 'correct', value: 30_100, reason: 'Typo in the briefing', source,
    });
    expect(corrected).toMatchObject({ ok: true, data: { value: 30_100, replacesId: added.data.id, correctionReason: 'Typo in the briefing', retracted: false, asOf: added.data.asOf } });
    const { rows } = await sql(`SELECT value FROM figure WHERE id = $1`, [added.data.id]);
    expect(rows[0]).toEqual({ value: 31_000 });
  });

  it('gives the second of two editors a conflict showing the value now in force', async () => {
    const added = await writes.addFigure(editor, 'kabul-2021', figure(32_000, '2021-08-24T12:00'));
    if (!added.ok) throw new Error('setup');
    const correction = (value: number) => writes.correctFigure(editor, 'kabul-2021', {
      replaces: added.data.id, action: 'correct', value, reason: `Editor says ${value}`, source,
    });
    const before = await counts();
    const results = await Promise.all([correction(32_100), correction(32_200)]);
    const winner = results.find((result) => result.ok);
    const loser = results.find((result) => !result.ok);
    expect(winner).toBeDefined();
    expect(loser).toMatchObject({ ok: false, status: 409, error: 'conflict', current: { revisionId: winner!.ok && winner!.data.id, value: winner!.ok && winner!.data.value } });
    expect(await counts()).toEqual({ figure: before.figure + 1, source: before.source + 1, audit: before.audit + 1 });

    // Later, correcting the stale revision again is still a conflict, naming the current one.
    expect(await correction(32_300)).toMatchObject({ status: 409, current: { revisionId: winner!.ok && winner!.data.id } });
  });

  it('retracts: a marker revision keeps the value, and the audit says retract', async () => {
    const added = await writes.addFigure(editor, 'kabul-2021', figure(33_000, '2021-08-24T14:00'));
    if (!added.ok) throw new Error('setup');
    const retracted = await writes.correctFigure(editor, 'kabul-2021', { replaces: added.data.id, action: 'retract', reason: 'Not an official count', source });
    expect(retracted).toMatchObject({ ok: true, data: { retracted: true, value: 33_000, replacesId: added.data.id } });
    const { rows } = await sql(`SELECT action FROM audit_entry ORDER BY id DESC LIMIT 1`);
    expect(rows[0]).toEqual({ action: 'figure.retract' });
  });

  it('refuses a figure of another operation or none at all', async () => {
    expect(await writes.correctFigure(editor, 'kabul-2021', { replaces: 999_999, action: 'retract', reason: 'x', source })).toMatchObject({
      status: 400, errors: [{ field: 'replaces', message: expect.stringContaining('there is no figure 999999') }],
    });
  });
});

describe('targets, events and statements', () => {
  it('stores each with its source and audit entry; a deadline date means the end of that day', async () => {
    const target = await timeline.addTarget(editor, 'kabul-2021', { group: 'us-nationals', low: 10_000, high: 15_000, deadline: '2021-08-31', source });
    expect(target).toMatchObject({ ok: true, data: { type: 'target' } });
    const { rows } = await sql(`SELECT deadline FROM target WHERE id = $1`, [target.ok && target.data.id]);
    expect((rows[0] as { deadline: Date }).deadline.toISOString()).toBe('2021-08-31T19:30:00.000Z');
    expect(await timeline.addEvent(editor, 'kabul-2021', { kind: 'meeting', title: 'G7 leaders meet', reportedAt: '2021-08-24', source })).toMatchObject({ ok: true });
    expect(await timeline.addStatement(editor, 'kabul-2021', { speaker: 'A minister', saidAt: '2021-08-25', quote: 'We will get them out.', stance: 'feasible', source })).toMatchObject({ ok: true });
  });

  it('refuses a goal whose high end is below its low end', async () => {
    expect(await timeline.addTarget(editor, 'kabul-2021', { group: 'us-nationals', low: 15_000, high: 10_000, deadline: '2021-08-31', source })).toMatchObject({
      status: 400, errors: [{ field: 'high', message: 'must be at least the low end of the goal' }],
    });
  });
});

describe('the audit log', () => {
  it('cannot be edited or deleted, even by hand', async () => {
    await expect(sql(`UPDATE audit_entry SET action = 'forged'`)).rejects.toThrow(/append-only/);
    await expect(sql(`DELETE FROM audit_entry`)).rejects.toThrow(/append-only/);
    await expect(sql(`TRUNCATE audit_entry`)).rejects.toThrow(/append-only/);
  });
});
