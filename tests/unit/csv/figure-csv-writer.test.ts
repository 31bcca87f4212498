import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW, type FigureExportRow } from '@/lib/csv/columns';
import { figureCsvPreamble, figureCsvStream, type FigureCsvLayout } from '@/lib/csv/figure-csv-writer';
import { toCsvRecord } from '@/lib/csv/figure-record';

const context = { operation: 'kabul-2021', timeZone: 'Asia/Kabul' };

const seedFigure: FigureExportRow = {
  revisionId: 1,
  group: 'all-evacuees',
  value: 25100,
  kind: 'CUMULATIVE',
  basisStart: Date.parse('2021-08-14T00:00:00+04:30'),
  windowStart: null,
  windowEnd: null,
  asOf: Date.parse('2021-08-22T00:00:00+04:30'),
  provisional: false,
  sourcePublisher: 'White House',
  sourceVia: 'AFP',
  sourceTitle: 'Evacuations from Kabul, as of 22 August',
  sourceUrl: null,
  sourceQuote: 'about 25,100 people, "since August 14"',
  sourcePublishedAt: Date.parse('2021-08-22T10:00:00Z'),
  replacesRevisionId: null,
  status: 'current',
  correctionReason: null,
};

function writeCsv(rows: FigureExportRow[], layout: FigureCsvLayout): Promise<string> {
  return text(Readable.from(rows).pipe(figureCsvStream(context, layout)));
}

describe('toCsvRecord', () => {
  it('writes a figure in column order, instants with the Kabul offset', () => {
    expect(toCsvRecord(seedFigure, context)).toEqual([
      'kabul-2021',
      'all-evacuees',
      25100,
      'CUMULATIVE',
      '2021-08-14T00:00:00+04:30',
      null,
      null,
      '2021-08-22T00:00:00+04:30',
      'false',
      'White House',
      'AFP',
      'Evacuations from Kabul, as of 22 August',
      null,
      'about 25,100 people, "since August 14"',
      '2021-08-22T14:30:00+04:30',
      1,
      null,
      'current',
      null,
    ]);
    expect(toCsvRecord(seedFigure, context)).toHaveLength(FIGURE_CSV_HEADER.length);
  });

  it('neutralises text cells but never the numbers', () => {
    const record = toCsvRecord(
      { ...seedFigure, sourceTitle: '=1+1', sourceQuote: ' @cmd', correctionReason: '-typo', revisionId: 7, replacesRevisionId: 3 },
      context,
    );
    expect(record[11]).toBe("'=1+1");
    expect(record[13]).toBe("' @cmd");
    expect(record[18]).toBe("'-typo");
    expect([record[2], record[15], record[16]]).toEqual([25100, 7, 3]);
  });
});

describe('the CSV file', () => {
  it('has the header row, then one LF-terminated record per figure, RFC 4180 quoted', async () => {
    const csv = await writeCsv([seedFigure], { bom: false, hxl: false });
    expect(csv).not.toContain('\r');
    const lines = csv.split('\n');
    expect(lines[0]).toBe(FIGURE_CSV_HEADER.join(','));
    expect(lines[1]).toContain(',25100,CUMULATIVE,2021-08-14T00:00:00+04:30,,,2021-08-22T00:00:00+04:30,false,');
    expect(lines[1]).toContain('"Evacuations from Kabul, as of 22 August"');
    expect(lines[1]).toContain('"about 25,100 people, ""since August 14"""');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('puts the HXL hashtag row directly under the header row', async () => {
    const csv = await writeCsv([seedFigure], { bom: false, hxl: true });
    const rows: string[][] = parse(csv);
    expect(rows[0]).toEqual(FIGURE_CSV_HEADER);
    expect(rows[1]).toEqual(FIGURE_CSV_HXL_ROW);
    expect(rows[2]?.[2]).toBe('25100');
    expect(rows).toHaveLength(3);
  });

  it('uses only HXL 1.1 core hashtags, one per column, in valid HXL syntax', () => {
    const core = new Set(['#activity', '#beneficiary', '#reached', '#indicator', '#date', '#meta', '#description']);
    for (const tag of FIGURE_CSV_HXL_ROW) {
      expect(tag).toMatch(/^#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*$/);
      expect(core).toContain(tag.split('+')[0]);
    }
    expect(new Set(FIGURE_CSV_HXL_ROW).size).toBe(FIGURE_CSV_HXL_ROW.length);
  });

  it('starts with the UTF-8 byte-order mark only when asked (excel=1)', async () => {
    const bytes = Buffer.from(figureCsvPreamble({ bom: true, hxl: false }), 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(`${FIGURE_CSV_HEADER.join(',')}\n`);
    // Read as bytes: TextDecoder (and so stream/consumers' text()) drops a leading BOM.
    const streamed = Buffer.concat(
      await Readable.from([seedFigure]).pipe(figureCsvStream(context, { bom: true, hxl: false })).toArray(),
    );
    expect([...streamed.subarray(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 'o'.charCodeAt(0)]);
  });

  it('writes every row of batches that do not divide evenly, in order', async () => {
    const rows = Array.from({ length: 1234 }, (_, i) => ({ ...seedFigure, revisionId: i + 1, value: i }));
    const parsed: Record<string, string>[] = parse(await writeCsv(rows, { bom: false, hxl: false }), {
      columns: true,
    });
    expect(parsed.map((row) => Number(row.value))).toEqual(rows.map((row) => row.value));
  });

  it('writes only the header (and HXL row) when there are no figures', async () => {
    expect(await writeCsv([], { bom: false, hxl: true })).toBe(
      `${FIGURE_CSV_HEADER.join(',')}\n${FIGURE_CSV_HXL_ROW.join(',')}\n`,
    );
  });

  it('keeps multi-line text and non-Latin scripts intact through a parser', async () => {
    const quote = 'First line\r\nsecond line — «Kabul» کابل';
    const csv = await writeCsv([{ ...seedFigure, sourceQuote: quote }], { bom: false, hxl: false });
    const rows: Record<string, string>[] = parse(csv, { columns: true });
    expect(rows[0]?.source_quote).toBe(quote);
  });
});
