// The records of a decoded file, checked against the export's own columns: the header names every
// column of FIGURE_CSV_COLUMNS once (in any order, nothing else), and an HXL hashtag row directly
// under it is recognised and skipped, so a file downloaded with or without `hxl=1` imports alike.
import { parse } from 'csv-parse/sync';
import { FIGURE_CSV_COLUMNS, type FigureCsvColumn } from '../columns';
import type { FileRefusal } from './types';

export type ColumnIndex = Readonly<Record<FigureCsvColumn, number>>;

export interface CsvRecord {
  /** As a spreadsheet numbers it: the header is row 1, blank lines count. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  columns: ColumnIndex;
  /** How many cells the header has: a row with another count is an error. */
  width: number;
  hxl: boolean;
  records: CsvRecord[];
}

export type TableReading = { ok: true; table: CsvTable } | { ok: false; refusals: FileRefusal[] };

const KNOWN = new Set<string>(FIGURE_CSV_COLUMNS.map((column) => column.name));
const list = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

function readRecords(text: string): { ok: true; records: CsvRecord[] } | { ok: false; refusal: FileRefusal } {
  try {
    const parsed = parse(text, {
      info: true,
      skip_empty_lines: true,
      // A row with a cell too many or too few is that row's error, not the file's.
      relax_column_count: true,
    }) as unknown as { record: string[]; info: { records: number; empty_lines: number } }[];
    return {
      ok: true,
      records: parsed.map(({ record, info }) => ({ row: info.records + info.empty_lines, cells: record })),
    };
  } catch (error) {
    const { message, lines } = error as { message?: string; lines?: number };
    const where = typeof lines === 'number' ? ` near line ${lines}` : '';
    return {
      ok: false,
      refusal: {
        code: 'malformed_csv',
        message: `The file is not valid CSV${where}: ${String(message ?? error).replace(/\s+/g, ' ')}. Check for a stray double quote.`,
      },
    };
  }
}

function checkHeader(header: string[]): { ok: true; columns: ColumnIndex } | { ok: false; refusals: FileRefusal[] } {
  const names = header.map((cell) => cell.trim());
  const refusals: FileRefusal[] = [];
  const missing = FIGURE_CSV_COLUMNS.map((column) => column.name).filter((name) => !names.includes(name));
  const unexpected = names.filter((name) => !KNOWN.has(name));
  const repeated = [...new Set(names.filter((name, at) => KNOWN.has(name) && names.indexOf(name) !== at))];
  if (missing.length > 0) {
    refusals.push({
      code: 'missing_columns',
      message: `The header row lacks ${missing.length === 1 ? 'the column' : 'the columns'} ${list(missing)}. ` +
        'The import reads the figures CSV export: start from a file downloaded with revisions=all.',
    });
  }
  if (unexpected.length > 0) {
    refusals.push({
      code: 'unexpected_columns',
      message: `The header row has ${unexpected.length === 1 ? 'a column' : 'columns'} the import does not know: ` +
        `${list(unexpected.map((name) => name || '(blank)'))}. Remove ${unexpected.length === 1 ? 'it' : 'them'}.`,
    });
  }
  if (repeated.length > 0) {
    refusals.push({ code: 'duplicate_columns', message: `The header row names ${list(repeated)} more than once.` });
  }
  if (refusals.length > 0) return { ok: false, refusals };
  const columns = Object.fromEntries(names.map((name, at) => [name, at])) as Record<FigureCsvColumn, number>;
  return { ok: true, columns };
}

/** An HXL hashtag compared as HXL does: case-insensitive, attributes in any order. */
function normaliseHashtag(tag: string): string {
  const [hashtag = '', ...attributes] = tag.trim().toLowerCase().split('+');
  return [hashtag.trim(), ...attributes.map((attribute) => attribute.trim()).sort()].join('+');
}

/** The row under the header is an HXL row when every non-blank cell is a hashtag. */
function looksLikeHxl(cells: string[]): boolean {
  const filled = cells.map((cell) => cell.trim()).filter((cell) => cell !== '');
  return filled.length > 0 && filled.every((cell) => cell.startsWith('#'));
}

function checkHxlRow(record: CsvRecord, columns: ColumnIndex): FileRefusal | null {
  const wrong = FIGURE_CSV_COLUMNS.filter(
    (column) => normaliseHashtag(record.cells[columns[column.name]] ?? '') !== normaliseHashtag(column.hxl),
  );
  if (wrong.length === 0) return null;
  const details = wrong
    .slice(0, 3)
    .map((column) => `${column.name} has "${record.cells[columns[column.name]] ?? ''}", expected "${column.hxl}"`);
  return {
    code: 'bad_hxl_row',
    message: `Row ${record.row} looks like an HXL hashtag row but does not match the export's: ${details.join('; ')}` +
      `${wrong.length > 3 ? ` (and ${wrong.length - 3} more)` : ''}.`,
  };
}

export function readImportTable(text: string): TableReading {
  const read = readRecords(text);
  if (!read.ok) return { ok: false, refusals: [read.refusal] };
  const [header, ...rest] = read.records;
  if (!header) return { ok: false, refusals: [{ code: 'empty', message: 'The file is empty: choose a CSV file exported from this site.' }] };
  const checked = checkHeader(header.cells);
  if (!checked.ok) return checked;

  let records = rest;
  let hxl = false;
  const first = rest[0];
  if (first && looksLikeHxl(first.cells)) {
    const refusal = checkHxlRow(first, checked.columns);
    if (refusal) return { ok: false, refusals: [refusal] };
    hxl = true;
    records = rest.slice(1);
  }
  if (records.length === 0) {
    return { ok: false, refusals: [{ code: 'no_rows', message: 'The file has a header row but no figures.' }] };
  }
  return { ok: true, table: { columns: checked.columns, width: header.cells.length, hxl, records } };
}
