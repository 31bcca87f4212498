// Property-based tests of the figures CSV: any figure the database can hold, written by the export
// and read by the import, comes back exactly (text byte for byte, instants to the millisecond), and
// no cell of the file starts, after whitespace, with something a spreadsheet would run.
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FigureExportRow } from '@/lib/csv/columns';
import { figureCsvStream } from '@/lib/csv/figure-csv-writer';
import { neutraliseFormula, restoreNeutralisedCell } from '@/lib/csv/neutralise-formula';
import { readImportFile } from '@/lib/csv/import/read-import-file';
import { formatRowError, type ImportedFigure } from '@/lib/csv/import/types';
import { fuzzParameters } from '../../support/fuzz/config';
import { figureExportRow, GROUPS, ZONES } from '../../support/fuzz/figure-rows';
import { anyText } from '../../support/fuzz/text';

const OPERATION = 'kabul-2021';
/** What a spreadsheet evaluates: after any whitespace, = + - @, tab, CR, LF or a full-width form. */
const FORMULA = /^\s*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

const file = fc.record({
  rows: fc.array(figureExportRow, { minLength: 1, maxLength: 6 }),
  timeZone: fc.constantFrom(...ZONES),
  layout: fc.record({ bom: fc.boolean(), hxl: fc.boolean() }),
});

const writeCsv = (rows: FigureExportRow[], timeZone: string, layout: { bom: boolean; hxl: boolean }) =>
  text(Readable.from(rows).pipe(figureCsvStream({ operation: OPERATION, timeZone }, layout)));

/** What the import must make of an exported figure. */
function imported(row: FigureExportRow): ImportedFigure {
  return {
    group: row.group,
    value: row.value,
    kind: row.kind,
    basisStart: row.basisStart,
    windowStart: row.windowStart,
    windowEnd: row.windowEnd,
    asOf: row.asOf,
    provisional: row.provisional,
    source: {
      publisher: row.sourcePublisher,
      via: row.sourceVia,
      title: row.sourceTitle,
      url: row.sourceUrl,
      quote: row.sourceQuote,
      publishedAt: row.sourcePublishedAt,
    },
    replacesId: row.replacesRevisionId,
    correctionReason: row.correctionReason,
    // The export does not say whether a superseded row was a retraction marker.
    retracted: row.status === 'superseded' ? null : row.status === 'retracted',
  };
}

describe('the figures CSV, written then read', () => {
  it('gives back every figure exactly, whatever its text holds', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, timeZone, layout }) => {
        const csv = await writeCsv(rows, timeZone, layout);
        const reading = readImportFile(new TextEncoder().encode(csv), { operation: OPERATION, timeZone, groups: GROUPS });
        if (!reading.ok) throw new Error(`refused: ${JSON.stringify(reading.refusals)}`);
        expect(reading.hxl).toBe(layout.hxl);
        expect(reading.rows).toHaveLength(rows.length);
        reading.rows.forEach((read, index) => {
          if (!read.ok) throw new Error(read.errors.map(formatRowError).join('; '));
          const row = rows[index]!;
          expect(read.value.figure).toEqual(imported(row));
          expect(read.value.revisionId).toBe(row.revisionId);
          expect(read.value.status).toBe(row.status);
        });
      }),
      fuzzParameters(100),
    );
  }, 60_000);

  it('writes no cell that starts, after whitespace, with a formula trigger', async () => {
    await fc.assert(
      fc.asyncProperty(file, async ({ rows, timeZone, layout }) => {
        const csv = await writeCsv(rows, timeZone, layout);
        const cells = (parse(csv, { bom: true }) as string[][]).flat();
        expect(cells.filter((cell) => FORMULA.test(cell))).toEqual([]);
      }),
      fuzzParameters(100),
    );
  }, 60_000);
});

describe('neutraliseFormula', () => {
  const tricky = anyText(30);

  it('is undone by restoreNeutralisedCell, for any text', () => {
    fc.assert(
      fc.property(tricky, (cell) => {
        expect(restoreNeutralisedCell(neutraliseFormula(cell))).toBe(cell);
      }),
      fuzzParameters(1000),
    );
  });

  it('leaves nothing a spreadsheet would run, and touches only what it must', () => {
    fc.assert(
      fc.property(tricky, (cell) => {
        const written = neutraliseFormula(cell);
        expect(FORMULA.test(written)).toBe(false);
        expect(written === cell || written === `'${cell}`).toBe(true);
        if (!FORMULA.test(cell.replace(/^'+/, ''))) expect(written).toBe(cell);
      }),
      fuzzParameters(1000),
    );
  });
});
