// Reading an uploaded figures CSV: what refuses the whole file (nothing stored), and the HXL row.
import { describe, expect, it } from 'vitest';
import { FIGURE_CSV_HEADER } from '@/lib/csv/columns';
import { readImportFile } from '@/lib/csv/import/read-import-file';
import { formatRowError, MAX_IMPORT_BYTES, type ImportContext } from '@/lib/csv/import/types';
import { bytesOf, figureCsv } from '../../support/figure-csv';

const kabul: ImportContext = { operation: 'kabul-2021', timeZone: 'Asia/Kabul', groups: ['all-evacuees', 'us-nationals', 'afghans'] };

function refusalOf(bytes: Uint8Array) {
  const reading = readImportFile(bytes, kabul);
  if (reading.ok) throw new Error('expected the file to be refused');
  return reading.refusals;
}

describe('a file the import refuses as a whole', () => {
  it('refuses an empty file, or one of blank lines', () => {
    expect(refusalOf(new Uint8Array())).toEqual([{ code: 'empty', message: 'The file is empty: choose a CSV file exported from this site.' }]);
    expect(refusalOf(bytesOf('\n\n  \n'))[0]?.code).toBe('empty');
  });

  it('refuses a binary file (NUL bytes), such as a spreadsheet saved as .xlsx', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]);
    expect(refusalOf(zip)).toEqual([
      { code: 'binary', message: 'The file is not text (it holds NUL bytes): save it as CSV (UTF-8), not as a spreadsheet.' },
    ]);
  });

  it('refuses text that is not UTF-8 (a file re-saved as Windows-1252)', () => {
    const latin1 = bytesOf(`${FIGURE_CSV_HEADER.join(',')}\nkabul-2021,caf`);
    const withE = new Uint8Array([...latin1, 0xe9, 0x0a]);
    expect(refusalOf(withE)).toEqual([{ code: 'not_utf8', message: 'The file is not UTF-8 text: save it as "CSV UTF-8" and try again.' }]);
  });

  it('refuses a file over 20 MB without reading it', () => {
    const reading = readImportFile(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), kabul);
    expect(reading).toEqual({
      ok: false,
      sha256: null,
      refusals: [{ code: 'too_large', message: 'The file is too large: 20.1 MB, over the import\'s limit of 20 MB. Split it into smaller files.' }],
    });
    const bigger = readImportFile(new Uint8Array(25 * 1024 * 1024).fill(0x61), kabul);
    expect(!bigger.ok && bigger.refusals[0]?.message).toBe('The file is too large: 25 MB, over the import\'s limit of 20 MB. Split it into smaller files.');
  });

  it('names the missing columns', () => {
    const header = FIGURE_CSV_HEADER.filter((column) => column !== 'value' && column !== 'status');
    expect(refusalOf(bytesOf(figureCsv([{}], { header })))).toEqual([
      {
        code: 'missing_columns',
        message: 'The header row lacks the columns "value", "status". The import reads the figures CSV export: start from a file downloaded with revisions=all.',
      },
    ]);
  });

  it('names columns it does not know, and columns given twice', () => {
    expect(refusalOf(bytesOf(figureCsv([{}], { header: [...FIGURE_CSV_HEADER, 'notes'] })))).toEqual([
      { code: 'unexpected_columns', message: 'The header row has a column the import does not know: "notes". Remove it.' },
    ]);
    expect(refusalOf(bytesOf(figureCsv([{}], { header: [...FIGURE_CSV_HEADER, 'value'] })))).toEqual([
      { code: 'duplicate_columns', message: 'The header row names "value" more than once.' },
    ]);
  });

  it('refuses a file whose rows name another operation, naming the row', () => {
    const text = figureCsv([{}, { operation: 'herat-2021' }]);
    expect(refusalOf(bytesOf(text))).toEqual([
      {
        code: 'other_operation',
        message: 'Row 3 is a figure of the operation "herat-2021", not of kabul-2021: import each operation\'s file on its own page.',
      },
    ]);
  });

  it('refuses text that is not CSV (an unclosed quote), and a header without rows', () => {
    const broken = `${FIGURE_CSV_HEADER.join(',')}\nkabul-2021,"all-evacuees,26000\n`;
    const [refusal] = refusalOf(bytesOf(broken));
    expect(refusal?.code).toBe('malformed_csv');
    expect(refusal?.message).toMatch(/^The file is not valid CSV near line \d+: Quote Not Closed.*Check for a stray double quote\.$/);
    expect(refusalOf(bytesOf(`${FIGURE_CSV_HEADER.join(',')}\n`))).toEqual([{ code: 'no_rows', message: 'The file has a header row but no figures.' }]);
  });
});

describe('the HXL hashtag row', () => {
  it('is found under the header and skipped; row numbers still count it', () => {
    const reading = readImportFile(bytesOf(figureCsv([{ value: '26000' }, { value: '27000' }], { hxl: true })), kabul);
    expect(reading.ok && reading.hxl).toBe(true);
    expect(reading.ok && reading.rows.map((row) => [row.display.row, row.ok && row.value.figure.value])).toEqual([[3, 26000], [4, 27000]]);
  });

  it('is optional', () => {
    const reading = readImportFile(bytesOf(figureCsv([{ value: '26000' }])), kabul);
    expect(reading.ok && reading.hxl).toBe(false);
    expect(reading.ok && reading.rows.map((row) => row.display.row)).toEqual([2]);
  });

  it('is matched as HXL matches tags: any case, attributes in any order', () => {
    const text = figureCsv([{}], { hxl: true }).replace('#date+start+basis', '#DATE +basis+start');
    expect(readImportFile(bytesOf(text), kabul)).toMatchObject({ ok: true, hxl: true });
  });

  it('refuses a hashtag row that does not match the export\'s tags', () => {
    const text = figureCsv([{}], { hxl: true }).replace('#reached+ind', '#affected');
    expect(refusalOf(bytesOf(text))).toEqual([
      { code: 'bad_hxl_row', message: 'Row 2 looks like an HXL hashtag row but does not match the export\'s: value has "#affected", expected "#reached+ind".' },
    ]);
  });
});

describe('the file itself', () => {
  it('reads a file with the Excel byte-order mark, CRLF line ends and the columns in another order', () => {
    const header = [...FIGURE_CSV_HEADER].reverse();
    const text = `\uFEFF${figureCsv([{ value: '26000' }], { header }).replace(/\n/g, '\r\n')}`;
    const reading = readImportFile(bytesOf(text), kabul);
    expect(reading.ok && reading.rows[0]).toMatchObject({ ok: true, value: { figure: { value: 26000, group: 'all-evacuees' } } });
  });

  it('numbers rows as a spreadsheet does: blank lines count, a quoted line break does not', () => {
    const [header, first] = figureCsv([{ source_quote: 'two\nlines' }]).split(/\n(?=kabul)/);
    const text = `${header}\n\n${first!.trimEnd()}\n${figureCsv([{ value: 'x' }]).split('\n')[1]}\n`;
    const reading = readImportFile(bytesOf(text), kabul);
    expect(reading.ok && reading.rows.map((row) => row.display.row)).toEqual([3, 4]);
    expect(reading.ok && reading.rows[1]?.ok === false && formatRowError(reading.rows[1].errors[0]!)).toBe(
      'row 4: value: must be a whole number from 0 to 1,000,000,000',
    );
  });

  it('fingerprints the bytes with SHA-256', () => {
    const reading = readImportFile(bytesOf(figureCsv([{}])), kabul);
    expect(reading.ok && reading.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
