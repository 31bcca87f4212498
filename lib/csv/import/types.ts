// The shapes the CSV import passes between its steps: a file is decoded, its records read and
// checked against the export's columns, each row validated on its own, then the rows are checked
// against each other and against what the database holds, and finally stored or reported.
import type { RevisionStatus } from '../../figure-revisions';
import type { FigureCsvColumn } from '../columns';

/** The largest file the import reads: about 100,000 figures written by the export. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** What the import needs to know about the operation it imports into. */
export interface ImportContext {
  /** The operation's slug: every row's `operation` cell must name it. */
  operation: string;
  /** IANA zone that instants without an offset are read in, as the admin form reads them. */
  timeZone: string;
  /** The operation's population-group slugs. */
  groups: readonly string[];
}

export type FileRefusalCode =
  | 'empty'
  | 'too_large'
  | 'binary'
  | 'not_utf8'
  | 'malformed_csv'
  | 'missing_columns'
  | 'unexpected_columns'
  | 'duplicate_columns'
  | 'bad_hxl_row'
  | 'no_rows'
  | 'other_operation';

/** A reason the whole file is refused before any row is looked at: nothing is stored. */
export interface FileRefusal {
  code: FileRefusalCode;
  message: string;
}

/** One problem with one row, named by the column a person would look at (`source_url`). */
export interface RowError {
  /** Record number in the file as a spreadsheet counts rows: the header is row 1. */
  row: number;
  /** The CSV column, or '' for the row as a whole. */
  field: FigureCsvColumn | '';
  message: string;
}

/** A figure's content as the import compares and stores it: instants as epoch milliseconds. */
export interface ImportedFigure {
  group: string;
  value: number;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: number | null;
  windowStart: number | null;
  windowEnd: number | null;
  asOf: number;
  provisional: boolean;
  source: ImportedSource;
  replacesId: number | null;
  correctionReason: string | null;
  /**
   * True for a retraction marker (status `retracted`), false for `current` or a blank status, and
   * null for `superseded`: the export does not say whether a superseded row was a retraction.
   */
  retracted: boolean | null;
}

export interface ImportedSource {
  publisher: string;
  via: string | null;
  title: string;
  url: string | null;
  quote: string | null;
  publishedAt: number | null;
}

/** A row that passed validation on its own. */
export interface ValidRow {
  row: number;
  revisionId: number | null;
  /** The status cell; null when blank (a hand-made file). */
  status: RevisionStatus | null;
  figure: ImportedFigure;
  /** The as-of cell as written, for the reported-instant rules of the write services. */
  asOfText: string;
}

/** What the preview shows of a row, whatever became of it: the cells as the file has them. */
export interface RowDisplay {
  row: number;
  revisionId: string;
  group: string;
  value: string;
  asOf: string;
  status: string;
}

export type RowReading =
  | { ok: true; display: RowDisplay; value: ValidRow }
  | { ok: false; display: RowDisplay; errors: RowError[] };

/** The file as read: its fingerprint and its rows, each valid or with its errors. */
export interface ReadImportFile {
  ok: true;
  sha256: string;
  /** Whether the HXL hashtag row was found under the header (and skipped). */
  hxl: boolean;
  rows: RowReading[];
}

export type ImportFileReading = ReadImportFile | { ok: false; sha256: string | null; refusals: FileRefusal[] };

/** The outcome of one row once checked against the file and the database. */
export type RowVerdict =
  | { row: number; result: 'new'; value: ValidRow }
  | { row: number; result: 'present'; revisionId: number }
  | { row: number; result: 'error'; errors: RowError[] };

/** `row 5: value: must be a whole number from 0 to 1,000,000,000` */
export function formatRowError(error: RowError): string {
  return error.field ? `row ${error.row}: ${error.field}: ${error.message}` : `row ${error.row}: ${error.message}`;
}
