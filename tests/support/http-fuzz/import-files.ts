// Files nobody should import: any bytes, junk under the export's header, and real exports with
// bytes inserted, removed or replaced.
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW } from '@/lib/csv/columns';
import { toCsvRecord } from '@/lib/csv/figure-record';
import { figureExportRow } from '../fuzz/figure-rows';
import { anyText } from '../fuzz/text';

const encode = (text: string) => new TextEncoder().encode(text);

const junkCell = fc.oneof(
  anyText(12),
  fc.constantFrom('"', '""', ',', '\n', 'kabul-2021', 'all-evacuees', '123', '-1', 'CUMULATIVE', 'WINDOW', '2021-08-22', 'true', '#meta+id', "'=1+1", '=1+1', '\u0000'),
);
const junkBody = fc
  .array(fc.tuple(fc.array(junkCell, { maxLength: 22 }), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 8 })
  .map((lines) => lines.map(([cells, end]) => cells.join(',') + end).join(''));

const exported = fc
  .tuple(fc.array(figureExportRow, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([rows, hxl]) =>
    stringify([[...FIGURE_CSV_HEADER], ...(hxl ? [[...FIGURE_CSV_HXL_ROW]] : []), ...rows.map((row) => toCsvRecord(row, { operation: 'kabul-2021', timeZone: 'Asia/Kabul' }))], { record_delimiter: '\n' }),
  );

const damage = fc.array(
  fc.record({ at: fc.nat(), remove: fc.nat({ max: 3 }), insert: fc.uint8Array({ maxLength: 3 }) }),
  { minLength: 1, maxLength: 4 },
);

export const junkImportFile: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2_000 }),
  fc.string({ unit: 'binary', maxLength: 400 }).map(encode),
  fc.tuple(fc.shuffledSubarray([...FIGURE_CSV_HEADER], { minLength: FIGURE_CSV_HEADER.length - 1 }), junkBody).map(([columns, body]) => encode(`${columns.join(',')}\n${body}`)),
  fc.tuple(exported, damage).map(([csv, edits]) => {
    const bytes = [...encode(csv)];
    for (const { at, remove, insert } of edits) bytes.splice(at % (bytes.length + 1), remove, ...insert);
    return Uint8Array.from(bytes);
  }),
);
