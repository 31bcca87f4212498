// Property-based tests of the CSV import's reader on files nobody should upload: any bytes, any
// text, CSV-shaped junk under a real header, and our own exports with bytes broken. It never
// throws: a file is refused as a whole with a reason, or read row by row, each row valid or with
// errors naming the row and column.
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW } from '@/lib/csv/columns';
import { figureCsvStream } from '@/lib/csv/figure-csv-writer';
import { readImportFile } from '@/lib/csv/import/read-import-file';
import type { ImportContext, ImportFileReading } from '@/lib/csv/import/types';
import { fuzzParameters } from '../../support/fuzz/config';
import { figureExportRow, GROUPS } from '../../support/fuzz/figure-rows';
import { anyText } from '../../support/fuzz/text';

const context: ImportContext = { operation: 'kabul-2021', timeZone: 'Asia/Kabul', groups: GROUPS };
const REFUSALS = ['empty', 'too_large', 'binary', 'not_utf8', 'malformed_csv', 'missing_columns', 'unexpected_columns', 'duplicate_columns', 'bad_hxl_row', 'no_rows', 'other_operation'];
const COLUMNS = new Set<string>(['', ...FIGURE_CSV_HEADER]);
const encode = (value: string) => new TextEncoder().encode(value);

/** Whatever the file, the answer is one of the two documented shapes, with words in it. */
function expectReported(bytes: Uint8Array) {
  let reading: ImportFileReading;
  expect(() => (reading = readImportFile(bytes, context))).not.toThrow();
  reading = reading!;
  if (!reading.ok) {
    expect(reading.refusals.length).toBeGreaterThan(0);
    for (const refusal of reading.refusals) {
      expect(REFUSALS).toContain(refusal.code);
      expect(refusal.message).toMatch(/\S/);
    }
    return;
  }
  expect(reading.sha256).toMatch(/^[0-9a-f]{64}$/);
  for (const row of reading.rows) {
    if (row.ok) continue;
    expect(row.errors.length).toBeGreaterThan(0);
    for (const error of row.errors) {
      expect(error.row).toBeGreaterThanOrEqual(2);
      expect(COLUMNS.has(error.field)).toBe(true);
      expect(error.message).toMatch(/\S/);
    }
  }
}

/** A cell as junk can be: any text, quotes and separators included, or a plausible value. */
const junkCell = fc.oneof(
  anyText(12),
  fc.constantFrom('"', '""', '"a"b', ',', '\n', '\r', 'kabul-2021', 'all-evacuees', '123', '-1', 'CUMULATIVE', 'WINDOW', '2021-08-22', 'true', '#meta+id', "'=1+1", '=1+1'),
);
const junkCells = fc.array(junkCell, { maxLength: 22 });
/** Joined with commas and line endings, without quoting: stray quotes and all. */
const junkLines = fc.array(fc.tuple(junkCells, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 6 })
  .map((lines) => lines.map(([cells, end]) => cells.join(',') + end).join(''));

describe('the CSV import on junk', () => {
  it('reports any bytes, never throws', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2_000 }), (bytes) => expectReported(bytes)), fuzzParameters());
  });

  it('reports any text, never throws', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 500 }), junkLines), (value) => expectReported(encode(value))), fuzzParameters());
  });

  it('reports junk under the real header (with or without the HXL row, columns shuffled)', () => {
    const header = fc.shuffledSubarray([...FIGURE_CSV_HEADER], { minLength: FIGURE_CSV_HEADER.length - 1 });
    fc.assert(
      fc.property(header, fc.boolean(), junkLines, (columns, hxl, body) => {
        const preamble = [columns.join(','), ...(hxl ? [FIGURE_CSV_HXL_ROW.join(',')] : [])].join('\n');
        expectReported(encode(`${preamble}\n${body}`));
      }),
      fuzzParameters(),
    );
  });

  it('reports our own export with bytes inserted, removed or replaced', async () => {
    const damage = fc.array(
      fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 3 }),
        insert: fc.uint8Array({ maxLength: 3 }).chain((random) =>
          fc.constantFrom(random, encode('"'), encode(','), encode('\n'), encode('\r'), Uint8Array.of(0xff), Uint8Array.of(0xc3), Uint8Array.of(0)),
        ),
      }),
      { minLength: 1, maxLength: 4 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(figureExportRow, { minLength: 1, maxLength: 3 }), damage, fc.boolean(), async (rows, edits, hxl) => {
        const csv = await text(Readable.from(rows).pipe(figureCsvStream({ operation: 'kabul-2021', timeZone: 'Asia/Kabul' }, { bom: false, hxl })));
        const bytes = [...encode(csv)];
        for (const { at, remove, insert } of edits) bytes.splice(at % (bytes.length + 1), remove, ...insert);
        expectReported(Uint8Array.from(bytes));
      }),
      fuzzParameters(100),
    );
  }, 60_000);
});
