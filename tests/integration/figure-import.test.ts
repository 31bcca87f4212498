// The CSV import against a real database: all or nothing, a second import adds nothing, ids and
// revision chains kept, one audit entry per imported row naming the file and its SHA-256.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/audit/audit-log';
import type * as FigureImport from '../../lib/data/writes/figure-import';
import type * as FigureWrites from '../../lib/data/writes/figure-writes';
import type * as FigureExport from '../../lib/data/figure-export';
import type * as ExportParams from '../../lib/csv/export-params';
import { applyPendingMigrations } from '../../prisma/migrate';
import { resetDatabase, sql, testDatabaseUrl } from '../support/database';
import { bytesOf, figureCsv, type CsvRow } from '../support/figure-csv';

let importer: typeof FigureImport;
let writes: typeof FigureWrites;
let exporter: typeof FigureExport;
let exportParams: typeof ExportParams;
let editor: Actor;

async function count(table: string, where = 'true'): Promise<number> {
  const { rows } = await sql<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE ${where}`);
  return Number(rows[0]!.n);
}

async function counts() {
  return { figure: await count('figure'), source: await count('source'), audit: await count('audit_entry') };
}

const upload = (rows: CsvRow[], name = 'figures.csv', options: { hxl?: boolean } = {}) => ({ name, bytes: bytesOf(figureCsv(rows, options)) });

/** The operation's figures as the public export writes them, with every revision. */
async function exportAll(query = 'revisions=all'): Promise<string> {
  const parsed = exportParams.parseFigureExportParams(new URLSearchParams(query));
  if (!parsed.ok) throw new Error('bad params');
  const opened = await exporter.openFigureExport('kabul-2021', parsed.params);
  if (opened.status !== 'ok') throw new Error(opened.status);
  return new Response(opened.body).text();
}

beforeAll(async () => {
  await resetDatabase();
  await applyPendingMigrations({ connectionString: testDatabaseUrl(), log: () => undefined });
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.DATABASE_POOL_MAX = '4';
  const { getPrisma } = await import('../../lib/db');
  const { seedDatabase } = await import('../../prisma/seed');
  const { createStaffUser } = await import('../../lib/auth/staff-users');
  importer = await import('../../lib/data/writes/figure-import');
  writes = await import('../../lib/data/writes/figure-writes');
  exporter = await import('../../lib/data/figure-export');
  exportParams = await import('../../lib/csv/export-params');
  await seedDatabase(getPrisma());
  const created = await createStaffUser(getPrisma(), { cli: { ipAddress: null, userAgent: 'test', requestId: 'setup' } }, {
    email: 'importer@example.org', name: 'Importer', role: 'editor', password: 'a long enough password',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  editor = { userId: created.user.id, email: created.user.email, role: 'editor', channel: 'form', ipAddress: '192.0.2.9', userAgent: 'test', requestId: 'req-import' };
});

const chain: CsvRow[] = [
  { revision_id: '101', value: '26000', as_of: '2021-08-23T00:00:00+04:30', status: 'superseded' },
  { revision_id: '102', value: '26100', as_of: '2021-08-23T00:00:00+04:30', replaces_revision_id: '101', correction_reason: 'Recount by the source', status: 'current' },
  { revision_id: '103', group: 'us-nationals', value: '4000', as_of: '2021-08-23T00:00:00+04:30', status: 'superseded' },
  { revision_id: '104', group: 'us-nationals', value: '4000', as_of: '2021-08-23T00:00:00+04:30', replaces_revision_id: '103', correction_reason: 'Withdrawn by the source', status: 'retracted' },
];

describe('the preview', () => {
  it('lists every row with its result and stores nothing', async () => {
    const seedRow = (await exportAll()).split('\n')[1]!;
    const before = await counts();
    const text = `${figureCsv([{ ...chain[0], status: '' }, { revision_id: '105', value: 'lots' }])}${seedRow}\n`;
    const report = await importer.previewFigureImport('kabul-2021', { name: 'mixed.csv', bytes: bytesOf(text) });
    expect(report).toMatchObject({
      status: 'checked',
      commitRefused: false,
      counts: { rows: 3, ok: 1, present: 1, error: 1 },
      rows: [
        { row: 2, revisionId: '101', result: 'ok', errors: [] },
        { row: 3, revisionId: '105', value: 'lots', result: 'error', errors: [{ field: 'value', message: 'must be a whole number from 0 to 1,000,000,000' }] },
        { row: 4, value: '25100', result: 'present', errors: [] },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('answers not_found for an unknown operation, and refuses a file for another one', async () => {
    expect(await importer.previewFigureImport('nowhere', upload([{}]))).toEqual({ status: 'not_found', operation: 'nowhere' });
    expect(await importer.previewFigureImport('kabul-2021', upload([{ operation: 'herat-2021' }]))).toMatchObject({
      status: 'refused',
      refusals: [{ code: 'other_operation' }],
    });
  });

  it('applies the form\'s rule on as-of dates to the rows it would add', async () => {
    const report = await importer.previewFigureImport('kabul-2021', upload([{ as_of: '2099-01-01T00:00:00+04:30', basis_start: '2021-08-14' }]));
    expect(report).toMatchObject({ status: 'checked', rows: [{ result: 'error', errors: [{ field: 'as_of', message: 'must not be more than a day in the future' }] }] });
  });
});

describe('a commit', () => {
  it('stores nothing at all when one row has an error, and says which', async () => {
    const before = await counts();
    const report = await importer.commitFigureImport(editor, 'kabul-2021', upload([...chain, { revision_id: '105', group: 'tourists' }]));
    expect(report).toMatchObject({
      status: 'checked',
      commitRefused: true,
      counts: { rows: 5, ok: 4, error: 1 },
      rows: [{}, {}, {}, {}, { row: 6, result: 'error', errors: [{ field: 'group', message: expect.stringContaining("must be one of this operation's groups") }] }],
    });
    expect(await counts()).toEqual(before);
  });

  it('stores the rows with their revision ids and chains, one source and one audit entry each', async () => {
    const before = await counts();
    const file = upload(chain, 'kabul chain.csv', { hxl: true });
    const report = await importer.commitFigureImport(editor, 'kabul-2021', file);
    expect(report).toMatchObject({ status: 'committed', added: 4, skipped: 0, file: { name: 'kabul chain.csv', hxl: true } });
    expect(await counts()).toEqual({ figure: before.figure + 4, source: before.source + 4, audit: before.audit + 4 });

    const { rows } = await sql(`SELECT id, value, replaces_id, correction_reason, retracted FROM figure WHERE id BETWEEN 101 AND 104 ORDER BY id`);
    expect(rows).toEqual([
      { id: 101, value: 26000, replaces_id: null, correction_reason: null, retracted: false },
      { id: 102, value: 26100, replaces_id: 101, correction_reason: 'Recount by the source', retracted: false },
      { id: 103, value: 4000, replaces_id: null, correction_reason: null, retracted: false },
      { id: 104, value: 4000, replaces_id: 103, correction_reason: 'Withdrawn by the source', retracted: true },
    ]);

    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const { rows: audit } = await sql(
      `SELECT action, channel, actor_user_id, entity_type, entity_id, ip_address, request_id, details
         FROM audit_entry WHERE action = 'figure.import' ORDER BY id`,
    );
    expect(audit).toEqual(
      [101, 102, 103, 104].map((id, at) => ({
        action: 'figure.import', channel: 'form', actor_user_id: editor.userId, entity_type: 'figure', entity_id: String(id),
        ip_address: '192.0.2.9', request_id: 'req-import', details: { file: 'kabul chain.csv', sha256, row: at + 3 },
      })),
    );
  });

  it('moves the id sequence past the imported ids: the next figure added gets a later id', async () => {
    const added = await writes.addFigure(editor, 'kabul-2021', {
      group: 'afghans', value: 9000, kind: 'cumulative', basisStart: '2021-08-14', asOf: '2021-08-23', source: { publisher: 'Desk', title: 'After the import' },
    });
    expect(added.ok && added.data.id).toBeGreaterThan(104);
  });

  it('adds nothing when the same file is imported again: every row is already present', async () => {
    const before = await counts();
    const report = await importer.commitFigureImport(editor, 'kabul-2021', upload(chain, 'kabul chain.csv', { hxl: true }));
    expect(report).toMatchObject({ status: 'committed', added: 0, skipped: 4, counts: { rows: 4, ok: 0, present: 4, error: 0 } });
    expect(await counts()).toEqual(before);
  });

  it('shows the imported revisions in the export exactly as the file had them', async () => {
    const exported = (await exportAll('revisions=all&group=us-nationals')).split('\n');
    const file = figureCsv(chain.slice(2)).split('\n');
    expect(exported).toEqual(file);
  });

  it('refuses a revision id stored with other content, and stores nothing', async () => {
    const before = await counts();
    const report = await importer.commitFigureImport(editor, 'kabul-2021', upload([{ ...chain[0], value: '26001' }, { revision_id: '200', value: '26200' }]));
    expect(report).toMatchObject({
      status: 'checked', commitRefused: true,
      rows: [{ result: 'error', errors: [{ field: 'revision_id', message: expect.stringContaining('revision 101 is already stored with other content (value)') }] }, { result: 'ok' }],
    });
    expect(await counts()).toEqual(before);
  });

  it('deduplicates rows without revision ids by content: a hand-made file imported twice adds its rows once', async () => {
    const handMade: CsvRow[] = [
      { group: 'afghans', value: '9500', as_of: '2021-08-24', basis_start: '2021-08-14', source_title: 'Hand-made row' },
      { group: 'afghans', kind: 'WINDOW', value: '800', basis_start: '', window_start: '2021-08-23', window_end: '2021-08-24', as_of: '2021-08-24', source_title: 'Hand-made window' },
    ];
    const first = await importer.commitFigureImport(editor, 'kabul-2021', upload(handMade, 'hand-made.csv'));
    expect(first).toMatchObject({ status: 'committed', added: 2, skipped: 0 });
    const { rows } = await sql<{ id: number }>(`SELECT max(id) AS id FROM figure`);
    const before = await counts();
    const second = await importer.commitFigureImport(editor, 'kabul-2021', upload(handMade, 'hand-made.csv'));
    expect(second).toMatchObject({ status: 'committed', added: 0, skipped: 2 });
    expect(await counts()).toEqual(before);
    expect(rows[0]!.id).toBeGreaterThan(104);
  });

  it('stores a large file in statements of many rows, all in one transaction', async () => {
    const rows: CsvRow[] = Array.from({ length: 12_000 }, (_, at) => ({
      revision_id: String(100_000 + at),
      group: ['all-evacuees', 'us-nationals', 'afghans'][at % 3],
      // Running totals that rise, above every figure stored before them.
      value: String(30_000 + at),
      as_of: new Date(Date.parse('2021-08-25T00:00:00Z') + at * 1000).toISOString(),
      source_title: `Bulletin ${at}`,
    }));
    const before = await counts();
    const report = await importer.commitFigureImport(editor, 'kabul-2021', upload(rows, 'large.csv'));
    expect(report).toMatchObject({ status: 'committed', added: 12_000, skipped: 0 });
    expect(await counts()).toEqual({ figure: before.figure + 12_000, source: before.source + 12_000, audit: before.audit + 12_000 });
    expect(await count('figure', 'id BETWEEN 100000 AND 111999')).toBe(12_000);
  });

  it('refuses to commit a file other than the one previewed', async () => {
    const before = await counts();
    const report = await importer.commitFigureImport(editor, 'kabul-2021', upload([{ revision_id: '300' }]), 'f'.repeat(64));
    expect(report).toMatchObject({ status: 'changed' });
    expect(await counts()).toEqual(before);
  });
});

describe('the running total', () => {
  // Stored by now: all-evacuees up to 41,997 as of 2021-08-25T03:19:57Z (the large file).
  const day = (date: string) => `${date}T00:00:00+04:30`;
  const row = (revision: string, value: string, asOf: string, extra: CsvRow = {}): CsvRow => ({ revision_id: revision, value, as_of: day(asOf), source_title: `Total ${revision}`, ...extra });
  const fallMessage = (value: string, asOf: string, which: string) =>
    `is lower than the latest figure on this basis (${value} as of ${asOf}, ${which}). A running total does not fall: if that figure was wrong, correct it with a reason instead.`;

  it('refuses a new figure lower than the latest stored one on its basis, naming it, as the write API does', async () => {
    const before = await counts();
    const { rows } = await sql<{ id: number }>(`SELECT max(id) AS id FROM figure WHERE value = 41997`);
    const file = upload([row('400', '41000', '2021-08-26')]);
    const preview = await importer.previewFigureImport('kabul-2021', file);
    const message = fallMessage('41,997', '2021-08-25T07:49:57+04:30', `figure ${rows[0]!.id}`);
    expect(preview).toMatchObject({ status: 'checked', counts: { error: 1 }, rows: [{ row: 2, result: 'error', errors: [{ field: 'value', message }] }] });
    // The same words as the write API's refusal of the same figure.
    const viaApi = await writes.addFigure(editor, 'kabul-2021', {
      group: 'all-evacuees', value: 41000, kind: 'cumulative', basisStart: '2021-08-14', asOf: '2021-08-26', source: { publisher: 'Desk', title: 'Lower' },
    });
    expect(viaApi).toMatchObject({ ok: false, status: 400, errors: [{ field: 'value', message: expect.stringContaining('is lower than the latest figure on this basis (41,997') }] });
    expect(await importer.commitFigureImport(editor, 'kabul-2021', file)).toMatchObject({ status: 'checked', commitRefused: true, counts: { error: 1 } });
    expect(await counts()).toEqual(before);
  });

  it('checks the rows of the file against each other in as-of order, whatever their order in the file', async () => {
    const before = await counts();
    // Row 2 is the later figure, and lower than row 3, the earlier one: the whole file is refused.
    const file = upload([row('401', '50000', '2021-08-28'), row('402', '51000', '2021-08-27'), row('', '52000', '2021-08-29', { source_title: 'No id' })]);
    const report = await importer.commitFigureImport(editor, 'kabul-2021', file);
    expect(report).toMatchObject({
      status: 'checked',
      commitRefused: true,
      counts: { rows: 3, ok: 2, error: 1 },
      rows: [
        { row: 2, result: 'error', errors: [{ field: 'value', message: fallMessage('51,000', '2021-08-27T00:00:00+04:30', 'row 3 of this file') }] },
        { row: 3, result: 'ok' },
        { row: 4, result: 'ok' },
      ],
    });
    expect(await counts()).toEqual(before);
    // Another group, or another basis, is another running total.
    const apart = upload([row('403', '100', '2021-08-27', { group: 'afghans', basis_start: '2021-08-26T00:00:00+04:30' }), row('404', '30000', '2021-08-27', { basis_start: '2021-08-20T00:00:00+04:30' })]);
    expect(await importer.previewFigureImport('kabul-2021', apart)).toMatchObject({ counts: { ok: 2, error: 0 } });
  });

  it('does not count a superseded or retracted value, and lets a correction lower a figure, as on the site', async () => {
    const before = await counts();
    const file = upload([
      // A too-low figure, corrected in the same file: in force is the correction.
      row('410', '1000', '2021-08-27', { status: 'superseded' }),
      row('411', '43000', '2021-08-27', { replaces_revision_id: '410', correction_reason: 'Typo', status: 'current' }),
      // A too-low figure, withdrawn.
      row('412', '2000', '2021-08-28', { status: 'superseded' }),
      row('413', '2000', '2021-08-28', { replaces_revision_id: '412', correction_reason: 'Withdrawn', status: 'retracted' }),
      row('414', '44000', '2021-08-29', { status: 'superseded' }),
      // A correction may lower a figure below the one before it (it is checked by whoever corrects it).
      row('415', '42500', '2021-08-29', { replaces_revision_id: '414', correction_reason: 'Double count', status: 'current' }),
      row('416', '44500', '2021-08-30', { status: 'current' }),
    ]);
    const report = await importer.commitFigureImport(editor, 'kabul-2021', file);
    expect(report).toMatchObject({ status: 'committed', added: 7 });
    expect(await counts()).toMatchObject({ figure: before.figure + 7 });
    // Against what is stored now: in force on 29 August is 42,500, not the 44,000 it replaced.
    const next = await importer.previewFigureImport('kabul-2021', upload([row('417', '42400', '2021-08-29')]));
    expect(next).toMatchObject({ rows: [{ result: 'error', errors: [{ message: fallMessage('42,500', '2021-08-29T00:00:00+04:30', 'figure 415') }] }] });
    const later = await importer.previewFigureImport('kabul-2021', upload([row('418', '44600', '2021-08-31')]));
    expect(later).toMatchObject({ counts: { ok: 1, error: 0 } });
  });
});
