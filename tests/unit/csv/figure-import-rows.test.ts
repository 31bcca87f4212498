// Each row of an imported figures CSV, validated with the shared figure schema and reported as
// `row N: column: message`; the export's formula neutralisation undone so values round-trip.
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { FIGURE_CSV_HEADER, type FigureExportRow } from '@/lib/csv/columns';
import { toCsvRecord } from '@/lib/csv/figure-record';
import { readImportFile } from '@/lib/csv/import/read-import-file';
import { formatRowError, type ImportContext, type RowReading } from '@/lib/csv/import/types';
import { bytesOf, figureCsv, type CsvRow } from '../../support/figure-csv';

const kabul: ImportContext = { operation: 'kabul-2021', timeZone: 'Asia/Kabul', groups: ['all-evacuees', 'us-nationals', 'afghans'] };

function readRows(rows: CsvRow[]): RowReading[] {
  const reading = readImportFile(bytesOf(figureCsv(rows)), kabul);
  if (!reading.ok) throw new Error(JSON.stringify(reading.refusals));
  return reading.rows;
}

/** The messages of one row, as the preview lists them. */
function errorsOf(row: CsvRow): string[] {
  const [reading] = readRows([row]);
  return reading!.ok ? [] : reading!.errors.map(formatRowError);
}

const figureOf = (row: CsvRow) => {
  const [reading] = readRows([row]);
  if (!reading!.ok) throw new Error(JSON.stringify(reading!.errors));
  return reading!.value;
};

describe('a row the import refuses, with its message', () => {
  it.each<[string, CsvRow, string[]]>([
    ['a value that is not a number', { value: 'about 26,000' }, ['row 2: value: must be a whole number from 0 to 1,000,000,000']],
    ['a negative value', { value: '-5' }, ['row 2: value: must be a whole number from 0 to 1,000,000,000']],
    ['a fractional value', { value: '26000.5' }, ['row 2: value: must be a whole number from 0 to 1,000,000,000']],
    ['a date that does not exist', { as_of: '2021-02-30T00:00:00+04:30' }, ['row 2: as_of: must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)']],
    ['a date in another format', { basis_start: '14/08/2021' }, ['row 2: basis_start: must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)']],
    ['an unknown group', { group: 'tourists' }, ["row 2: group: must be one of this operation's groups: all-evacuees, us-nationals, afghans"]],
    ['an unknown kind', { kind: 'MONTHLY' }, ['row 2: kind: must be CUMULATIVE or WINDOW']],
    ['a missing source', { source_publisher: '', source_title: ' ' }, ['row 2: source_publisher: is required', 'row 2: source_title: is required']],
    ['a source link that is not a web address', { source_url: 'javascript:alert(1)' }, ['row 2: source_url: must be a web address starting with http:// or https://']],
    ['a cumulative figure without its basis', { basis_start: '' }, ['row 2: basis_start: is required for a cumulative figure: since when is it counted?']],
    ['a basis after the as-of', { basis_start: '2021-08-24T00:00:00+04:30' }, ['row 2: basis_start: must not be after the as-of date']],
    ['a window cell on a cumulative figure', { window_start: '2021-08-22T00:00:00+04:30' }, ['row 2: window_start: must be blank for a CUMULATIVE figure']],
    ['a window that ends before it starts', { kind: 'WINDOW', basis_start: '', window_start: '2021-08-23T00:00:00+04:30', window_end: '2021-08-22T00:00:00+04:30' }, ['row 2: window_end: must be after the start of the window']],
    ['a provisional flag that is not true or false', { provisional: 'maybe' }, ['row 2: provisional: must be true or false']],
    ['a revision id that is not a number', { revision_id: 'abc' }, ['row 2: revision_id: must be a figure number']],
    ['an unknown status', { status: 'deleted' }, ['row 2: status: must be one of: current, superseded, retracted']],
    ['a correction without its reason', { replaces_revision_id: '7' }, ['row 2: correction_reason: is required for a correction: say why it replaces the revision it names']],
    ['a reason without the revision it corrects', { correction_reason: 'Typo' }, ['row 2: replaces_revision_id: is required with a correction reason: name the revision this row corrects']],
    ['a retraction that names nothing', { status: 'retracted' }, ['row 2: status: retracted marks a retraction, which must name the revision it withdraws in replaces_revision_id']],
    ['a revision replacing itself', { revision_id: '7', replaces_revision_id: '7', correction_reason: 'x' }, ['row 2: replaces_revision_id: must name another revision: a revision cannot replace itself']],
    ['a blank operation', { operation: '' }, ['row 2: operation: is required']],
  ])('refuses %s', (_label, row, messages) => {
    expect(errorsOf(row)).toEqual(messages);
  });

  it('reports a row with a cell too many or too few', () => {
    const text = `${figureCsv([{}])}kabul-2021,all-evacuees,26000\n`;
    const reading = readImportFile(bytesOf(text), kabul);
    expect(reading.ok && reading.rows[1]).toMatchObject({
      ok: false,
      errors: [{ row: 3, field: '', message: 'has 3 cells where the header has 19: check for a missing or extra comma' }],
    });
    expect(reading.ok && reading.rows[1] && !reading.rows[1].ok && formatRowError(reading.rows[1].errors[0]!)).toBe(
      'row 3: has 3 cells where the header has 19: check for a missing or extra comma',
    );
  });

  it('lists every problem of a row at once', () => {
    expect(errorsOf({ value: '-1', group: 'tourists', as_of: 'yesterday' })).toEqual([
      "row 2: group: must be one of this operation's groups: all-evacuees, us-nationals, afghans",
      'row 2: value: must be a whole number from 0 to 1,000,000,000',
      'row 2: as_of: must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)',
    ]);
  });
});

describe('formula cells', () => {
  it.each([
    ['=1+1', '"="'],
    ['+44 20 7946 0000', '"+"'],
    ['-2+3', '"-"'],
    ['@SUM(A1:A9)', '"@"'],
    ['   =HYPERLINK("http://x")', '"="'],
    ['\t=cmd', 'a tab'],
    ['\uFF1D1+1', 'a full-width "="'],
  ])('refuses the raw formula %j, saying to prefix it with a quote', (title, trigger) => {
    expect(errorsOf({ source_title: title })).toEqual([
      `row 2: source_title: starts with ${trigger}, which a spreadsheet runs as a formula: if it is meant as text, prefix it with '`,
    ]);
  });

  it('checks every text column, the reason and the group too', () => {
    expect(errorsOf({ group: '=cmd', replaces_revision_id: '3', correction_reason: '@here' })).toEqual([
      `row 2: group: starts with "=", which a spreadsheet runs as a formula: if it is meant as text, prefix it with '`,
      `row 2: correction_reason: starts with "@", which a spreadsheet runs as a formula: if it is meant as text, prefix it with '`,
    ]);
  });

  it("undoes the export's neutralisation: the leading quote it added is removed, nothing else", () => {
    const figure = figureOf({
      source_title: "'=1+1",
      source_quote: "' @SUM(A1:A9)",
      source_publisher: "''=quoted already",
      source_via: "'plain text with a quote",
      replaces_revision_id: '3',
      correction_reason: "'-3 was a typo",
    }).figure;
    expect(figure.source).toMatchObject({
      title: '=1+1',
      quote: ' @SUM(A1:A9)',
      publisher: "'=quoted already",
      via: "'plain text with a quote",
    });
    expect(figure.correctionReason).toBe('-3 was a typo');
  });

  it('reads back exactly what the export wrote, for text a spreadsheet would run', () => {
    const exported: FigureExportRow = {
      revisionId: 41, group: 'afghans', value: 12345, kind: 'WINDOW', basisStart: null,
      windowStart: Date.parse('2021-08-21T19:30:00Z'), windowEnd: Date.parse('2021-08-22T19:30:00Z'),
      asOf: Date.parse('2021-08-22T04:45:30.250Z'), provisional: true,
      sourcePublisher: '@desk', sourceVia: '-relay', sourceTitle: '=1+1', sourceUrl: 'https://example.org/a,b',
      sourceQuote: '\tHe said "yes",\nthen no', sourcePublishedAt: Date.parse('1899-12-31T20:00:00Z'),
      replacesRevisionId: 40, status: 'retracted', correctionReason: "+'quoted' reason",
    };
    const text = stringify([FIGURE_CSV_HEADER as string[], toCsvRecord(exported, { operation: 'kabul-2021', timeZone: 'Asia/Kabul' })], { record_delimiter: '\n' });
    const reading = readImportFile(bytesOf(text), kabul);
    expect(reading.ok && reading.rows[0]).toMatchObject({
      ok: true,
      value: {
        revisionId: 41,
        status: 'retracted',
        figure: {
          group: 'afghans', value: 12345, kind: 'WINDOW', basisStart: null,
          windowStart: exported.windowStart, windowEnd: exported.windowEnd, asOf: exported.asOf, provisional: true,
          source: { publisher: '@desk', via: '-relay', title: '=1+1', url: 'https://example.org/a,b', quote: '\tHe said "yes",\nthen no', publishedAt: exported.sourcePublishedAt },
          replacesId: 40, correctionReason: "+'quoted' reason", retracted: true,
        },
      },
    });
  });
});

describe('a valid row', () => {
  it('keeps text as written, instants to the millisecond, and the revision cells', () => {
    const value = figureOf({
      value: '26,500',
      as_of: '2021-08-23T09:15:30.250+04:30',
      provisional: 'TRUE',
      source_quote: '  said with spaces  ',
      revision_id: '12',
      replaces_revision_id: '9',
      status: 'current',
      correction_reason: 'Recount',
    });
    expect(value).toMatchObject({
      row: 2,
      revisionId: 12,
      status: 'current',
      figure: {
        value: 26_500,
        asOf: Date.parse('2021-08-23T04:45:30.250Z'),
        provisional: true,
        replacesId: 9,
        correctionReason: 'Recount',
        retracted: false,
      },
    });
    expect(value.figure.source.quote).toBe('  said with spaces  ');
  });

  it('reads dates without an offset in the operation\'s zone, as the admin form does', () => {
    expect(figureOf({ basis_start: '2021-08-14', as_of: '2021-08-23 06:00' }).figure).toMatchObject({
      basisStart: Date.parse('2021-08-13T19:30:00Z'),
      asOf: Date.parse('2021-08-23T01:30:00Z'),
    });
  });

  it('leaves a superseded row\'s retraction flag unknown: the export does not say', () => {
    expect(figureOf({ revision_id: '5', status: 'superseded' }).figure.retracted).toBeNull();
    expect(figureOf({ revision_id: '5', status: '' }).figure.retracted).toBe(false);
  });
});
