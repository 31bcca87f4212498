// The figures CSV written in JavaScript, by csv-stringify: the format's reference writer. The export
// itself is written by PostgreSQL (./export-copy); this writer makes files in the same format for
// the import's tests and benchmark, and the differential test holds the export to its bytes.
//
// The byte-level layout: RFC 4180 quoting (fields quoted only when they hold a comma, a double
// quote, CR or LF; quotes doubled inside), UTF-8, and a byte-order mark only on request (Excel
// needs it to read UTF-8; most other tools show it as a stray character).
//
// Records end with LF, not RFC 4180's CRLF: every reader we target (Excel, LibreOffice, Google
// Sheets, pandas, R, HXL tools, csv-parse) accepts LF, Unix tools expect it, and csv-stringify
// writes LF records markedly faster (for a two-character delimiter it builds a new string per
// field to check it). CR and LF inside a field are kept, inside quotes.
//
// Rows are stringified a batch at a time with csv-stringify's synchronous API, inside one
// Transform: its streaming API costs a stream write, a push and a Buffer per record, which at a
// million rows was a quarter of the export's time.
import { Transform } from 'node:stream';
import { stringify, type Options } from 'csv-stringify/sync';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW, type FigureExportRow } from './columns';
import { toCsvRecord, type ExportContext } from './figure-record';

export interface FigureCsvLayout {
  /** Prefix the file with the UTF-8 byte-order mark, for Excel. */
  bom: boolean;
  /** Put the HXL hashtag row directly under the header row. */
  hxl: boolean;
}

// quote_record_delimiter: csv-stringify quotes only fields holding the record delimiter (LF) unless
// told otherwise, and a lone CR left unquoted splits the record for Excel, LibreOffice and pandas.
const CSV_OPTIONS: Options = { record_delimiter: '\n', quote_record_delimiter: true };
/** Rows per csv-stringify call: the cursor delivers a thousand at once. */
const ROWS_PER_BATCH = 250;
/** Bytes buffered before the consumer must read: large enough to send in a few big writes. */
const OUTPUT_BUFFER_BYTES = 64 * 1024;

/** The header row, then the HXL row when asked for, with the BOM first when asked for. */
export function figureCsvPreamble(layout: FigureCsvLayout): string {
  const rows = layout.hxl ? [FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW] : [FIGURE_CSV_HEADER];
  return stringify(rows as string[][], { ...CSV_OPTIONS, bom: layout.bom });
}

/** Export rows in (object mode), CSV text out, starting with the preamble. */
export function figureCsvStream(context: ExportContext, layout: FigureCsvLayout): Transform {
  let batch: FigureExportRow[] = [];
  const csvOf = (rows: FigureExportRow[]) =>
    stringify(
      rows.map((row) => toCsvRecord(row, context)),
      CSV_OPTIONS,
    );
  const stream = new Transform({
    writableObjectMode: true,
    readableHighWaterMark: OUTPUT_BUFFER_BYTES,
    transform(row: FigureExportRow, _encoding, done) {
      batch.push(row);
      if (batch.length < ROWS_PER_BATCH) return done();
      const rows = batch;
      batch = [];
      // A throw here would escape the stream machinery; an error passed on fails the export.
      try {
        done(null, csvOf(rows));
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done) {
      try {
        done(null, batch.length > 0 ? csvOf(batch) : undefined);
      } catch (error) {
        done(error as Error);
      }
    },
  });
  stream.push(figureCsvPreamble(layout));
  return stream;
}
