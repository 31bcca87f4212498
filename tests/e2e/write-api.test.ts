// The write API over HTTP against the production build, as an integration uses it: an editor's API
// token adds a figure, a target, an event and a statement, corrects and retracts the figure, and
// the public summary and series show each change. Every accepted write leaves one audit entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryDatabase, startAppOnFreshDatabase, type AppOnFreshDatabase } from '../support/app-database';
import { createApiTokenFor, createStaffAccount, type StaffAccount } from '../support/staff';
import {
  eventInput,
  figureInput,
  statementInput,
  targetInput,
  testSource,
  writeClient,
  type WriteClient,
} from '../support/write-api';

let running: AppOnFreshDatabase;
let editor: StaffAccount;
let editorId: string;
let client: WriteClient;

const read = async (path: string) => {
  const response = await fetch(`${running.app.url}${path}`);
  expect(response.status, path).toBe(200);
  return response.json();
};
const summary = (query = '') => read(`/api/operations/kabul-2021/summary${query}`);

beforeAll(async () => {
  running = await startAppOnFreshDatabase('write-api');
  editor = await createStaffAccount(running.databaseUrl, 'editor');
  const token = await createApiTokenFor(running.databaseUrl, editor.email);
  const { rows } = await queryDatabase(running.databaseUrl, 'SELECT id FROM app_user WHERE email = $1', [editor.email]);
  editorId = rows[0].id;
  client = writeClient(running.app.url, { token });
});

afterAll(async () => {
  await running?.stop();
});

/** The audit entries of one stored row. */
const auditOf = async (entityType: string, entityId: number) =>
  (
    await queryDatabase(
      running.databaseUrl,
      `SELECT action, channel, actor_user_id, actor_email, operation_id IS NOT NULL AS has_operation
         FROM audit_entry WHERE entity_type = $1 AND entity_id = $2`,
      [entityType, String(entityId)],
    )
  ).rows;

const expectOneApiAudit = async (entityType: string, entityId: number, action: string) => {
  expect(await auditOf(entityType, entityId)).toEqual([
    { action, channel: 'api', actor_user_id: editorId, actor_email: editor.email, has_operation: true },
  ]);
};

describe('the write API with an editor’s token', () => {
  let figureId: number;
  let correctionId: number;

  it('stores a figure: 201 with the revision, its Location, no-store; the dashboard shows it', async () => {
    const response = await client.post('kabul-2021/figures', figureInput());
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('idempotent-replayed')).toBeNull();
    const figure = await response.json();
    expect(figure).toMatchObject({
      operation: 'kabul-2021',
      group: 'all-evacuees',
      value: 30_400,
      kind: 'cumulative',
      // Dates without a time are read in Kabul (UTC+04:30): the start of 23 August there.
      asOf: '2021-08-22T19:30:00.000Z',
      basisStart: '2021-08-13T19:30:00.000Z',
      replacesId: null,
      retracted: false,
      source: { publisher: testSource.publisher, url: testSource.url, via: 'AFP' },
    });
    figureId = figure.id;
    expect(response.headers.get('location')).toBe(`/api/operations/kabul-2021/figures/${figureId}`);

    expect(await read(response.headers.get('location')!)).toEqual({ ...figure, replacedById: null });
    const latest = (await summary()).latestFigure;
    expect(latest).toMatchObject({ id: figureId, value: 30_400, source: { publisher: testSource.publisher } });
    const series = await read('/api/operations/kabul-2021/series');
    expect(series.points.map((point: { value: number }) => point.value)).toEqual([25_100, 30_400]);
    await expectOneApiAudit('figure', figureId, 'figure.create');
  });

  it('stores a target, an event and a statement; the summary shows each with its source', async () => {
    const created: Record<string, number> = {};
    for (const [route, input] of [
      ['targets', targetInput()],
      ['events', eventInput()],
      ['statements', statementInput()],
    ] as const) {
      const response = await client.post(`kabul-2021/${route}`, input);
      expect(response.status, route).toBe(201);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = await response.json();
      expect(body).toEqual({ id: expect.any(Number), operation: 'kabul-2021', type: route.slice(0, -1) });
      created[route] = body.id;
    }
    const view = await summary('?group=us-nationals');
    expect(view.target).toMatchObject({ low: 12_000, high: 16_000, source: { title: 'Revised goal for US nationals' } });
    expect(view.events).toContainEqual(
      expect.objectContaining({ kind: 'MEETING', title: eventInput().title, source: expect.objectContaining({ publisher: 'UK Prime Minister' }) }),
    );
    // Statements are shown with the group they are about.
    expect((await summary()).statements).toContainEqual(
      expect.objectContaining({ speaker: 'A test spokesperson', stance: 'FEASIBLE', quote: statementInput().quote }),
    );
    await expectOneApiAudit('target', created.targets!, 'target.create');
    await expectOneApiAudit('event', created.events!, 'event.create');
    await expectOneApiAudit('statement', created.statements!, 'statement.create');
  });

  it('corrects the figure: a new revision naming the old one and why; the old one stays readable', async () => {
    const response = await client.post(`kabul-2021/figures/${figureId}/corrections`, {
      action: 'correct',
      value: 30_600,
      reason: 'The Pentagon revised its count the same evening',
      source: { ...testSource, title: 'Pentagon evening update, 23 August 2021' },
    });
    expect(response.status).toBe(201);
    const correction = await response.json();
    expect(correction).toMatchObject({
      value: 30_600,
      replacesId: figureId,
      correctionReason: 'The Pentagon revised its count the same evening',
      asOf: '2021-08-22T19:30:00.000Z',
      retracted: false,
    });
    correctionId = correction.id;
    expect(response.headers.get('location')).toBe(`/api/operations/kabul-2021/figures/${correctionId}`);

    expect((await summary()).latestFigure).toMatchObject({ id: correctionId, value: 30_600 });
    const series = await read('/api/operations/kabul-2021/series');
    expect(series.points.at(-1)).toMatchObject({ revisionId: correctionId, replacesRevisionId: figureId, value: 30_600 });
    expect(await read(`/api/operations/kabul-2021/figures/${figureId}`)).toMatchObject({ value: 30_400, replacedById: correctionId });
    await expectOneApiAudit('figure', correctionId, 'figure.correct');
  });

  it('retracts the correction: the dashboard falls back to the figure before it', async () => {
    const response = await client.post(`kabul-2021/figures/${correctionId}/corrections`, {
      action: 'retract',
      reason: 'Double-counted flights from Qatar',
      source: testSource,
    });
    expect(response.status).toBe(201);
    const retraction = await response.json();
    expect(retraction).toMatchObject({ replacesId: correctionId, retracted: true, value: 30_600 });
    expect((await summary()).latestFigure).toMatchObject({ value: 25_100 });
    const series = await read('/api/operations/kabul-2021/series');
    expect(series.points.map((point: { value: number }) => point.value)).toEqual([25_100]);
    await expectOneApiAudit('figure', retraction.id, 'figure.retract');
  });

  it('has left exactly one audit entry per accepted write, all through the API channel', async () => {
    const { rows } = await queryDatabase(
      running.databaseUrl,
      `SELECT action, channel FROM audit_entry WHERE actor_user_id = $1 AND action NOT LIKE 'user.%' ORDER BY id`,
      [editorId],
    );
    expect(rows).toEqual(
      ['figure.create', 'target.create', 'event.create', 'statement.create', 'figure.correct', 'figure.retract'].map(
        (action) => ({ action, channel: 'api' }),
      ),
    );
  });

  it('reads an unknown figure as 404 JSON', async () => {
    for (const path of ['kabul-2021/figures/999999', 'kabul-2021/figures/abc', `no-such-operation/figures/${figureId}`]) {
      const response = await fetch(`${running.app.url}/api/operations/${path}`);
      expect(response.status, path).toBe(404);
      expect((await response.json()).error).toBe('not_found');
    }
  });
});
