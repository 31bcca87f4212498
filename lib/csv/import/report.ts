// What an import answers: the preview (every row with its result) or the outcome of a commit.
// Plain data, so a Server Action can hand it to the page as it is.
import type { FileRefusal, RowDisplay, RowVerdict, RowReading } from './types';

export interface ImportedFileInfo {
  name: string;
  bytes: number;
  /** Null when the file was refused before it was read (too large). */
  sha256: string | null;
  hxl: boolean;
}

export type RowResult = 'ok' | 'present' | 'error';

export interface RowReport extends RowDisplay {
  /** ok: will be (or was) added; present: already stored, skipped; error: see `errors`. */
  result: RowResult;
  errors: { field: string; message: string }[];
}

export interface RowCounts {
  rows: number;
  ok: number;
  present: number;
  error: number;
}

export type FigureImportReport =
  | { status: 'not_found'; operation: string }
  | { status: 'refused'; file: ImportedFileInfo; refusals: FileRefusal[] }
  /** A preview, or a commit refused because rows have errors (then `committed` is false). */
  | { status: 'checked'; file: ImportedFileInfo; counts: RowCounts; rows: RowReport[]; commitRefused: boolean }
  /** The file differs from the one previewed: nothing stored. */
  | { status: 'changed'; file: ImportedFileInfo }
  | { status: 'committed'; file: ImportedFileInfo; counts: RowCounts; rows: RowReport[]; added: number; skipped: number };

export function rowReports(readings: readonly RowReading[], verdicts: readonly RowVerdict[]): RowReport[] {
  return verdicts.map((verdict, at) => {
    const { display } = readings[at]!;
    if (verdict.result === 'error') {
      return { ...display, result: 'error', errors: verdict.errors.map(({ field, message }) => ({ field, message })) };
    }
    return { ...display, result: verdict.result === 'new' ? 'ok' : 'present', errors: [] };
  });
}

export function countRows(rows: readonly RowReport[]): RowCounts {
  const counts: RowCounts = { rows: rows.length, ok: 0, present: 0, error: 0 };
  for (const row of rows) counts[row.result] += 1;
  return counts;
}

/**
 * The rows a page can show of a large file: every row up to `limit`; past that, the first rows
 * and every row with an error (up to `limit` of those too). The counts stay those of the file.
 */
export function rowsToShow(rows: readonly RowReport[], limit: number): { rows: RowReport[]; truncated: boolean } {
  if (rows.length <= limit) return { rows: [...rows], truncated: false };
  const errors = rows.filter((row) => row.result === 'error').slice(0, limit);
  const errorRows = new Set(errors.map((row) => row.row));
  const first = rows.slice(0, limit).filter((row) => !errorRows.has(row.row));
  return { rows: [...first, ...errors].sort((a, b) => a.row - b.row), truncated: true };
}
