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

/** What every row is read against: where each column is, and how many cells a row has. */
export interface CsvTable {
  columns: ColumnIndex;
  /** How many cells the header has: a row with another count is an error. */
  width: number;
}

export type TableReading<T> =
  | { ok: true; table: CsvTable; hxl: boolean; rows: T[] }
  | { ok: false; refusals: FileRefusal[] };

const KNOWN = new Set<string>(FIGURE_CSV_COLUMNS.map((column) => column.name));
const list = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
const EMPTY: FileRefusal = { code: 'empty', message: 'The file is empty: choose a CSV file exported from this site.' };

/** A blank line: csv-parse gives it as one empty cell. */
const isBlank = (cells: string[]) => cells.length === 1 && cells[0]!.trim() === '';

/** Thrown from inside the parser to stop it at a header that cannot be read. */
class HeaderRefusal extends Error {
  constructor(readonly refusals: FileRefusal[]) {
    super('header refused');
  }
}

function malformed(error: unknown): FileRefusal {
  const { message, lines } = error as { message?: string; lines?: number };
  const where = typeof lines === 'number' ? ` near line ${lines}` : '';
  return {
    code: 'malformed_csv',
    message: `The file is not valid CSV${where}: ${String(message ?? error).replace(/\s+/g, ' ')}. Check for a stray double quote.`,
  };
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

/**
 * Reads the header (and the HXL row when there is one), then hands each further record to
 * `readRow` as the parser produces it, so a large file's cells never pile up in memory: only what
 * `readRow` returns is kept. Record N is row N as a spreadsheet counts rows (blank lines count;
 * csv-parse's own `info` would tell the same at twice the cost).
 */
export function readImportTable<T>(text: string, readRow: (record: CsvRecord, table: CsvTable) => T): TableReading<T> {
  let table: CsvTable | undefined;
  let hxl = false;
  let row = 0;
  const rows: T[] = [];
  try {
    parse(text, {
      // A row with a cell too many or too few is that row's error, not the file's.
      relax_column_count: true,
      on_record: (cells: string[]) => {
        row += 1;
        if (isBlank(cells)) return null;
        if (!table) {
          const checked = checkHeader(cells);
          if (!checked.ok) throw new HeaderRefusal(checked.refusals);
          table = { columns: checked.columns, width: cells.length };
          return null;
        }
        const record = { row, cells };
        if (rows.length === 0 && !hxl && looksLikeHxl(cells)) {
          const refusal = checkHxlRow(record, table.columns);
          if (refusal) throw new HeaderRefusal([refusal]);
          hxl = true;
          return null;
        }
        rows.push(readRow(record, table));
        // Nothing for csv-parse to collect: the row is kept above, already read.
        return null;
      },
    });
  } catch (error) {
    if (error instanceof HeaderRefusal) return { ok: false, refusals: error.refusals };
    // csv-parse wraps what on_record throws; anything else is the CSV itself.
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof HeaderRefusal) return { ok: false, refusals: cause.refusals };
    return { ok: false, refusals: [malformed(error)] };
  }
  if (!table) return { ok: false, refusals: [EMPTY] };
  if (rows.length === 0) return { ok: false, refusals: [{ code: 'no_rows', message: 'The file has a header row but no figures.' }] };
  return { ok: true, table, hxl, rows };
}
