// What the import page's Server Action answers, as the form renders it: the report of the
// preview or the commit (with at most a page's worth of rows), or why there is none.
import { rowsToShow, type FigureImportReport, type RowReport } from './report';

/** Rows a page lists at most; the counts always cover the whole file, and errors come first. */
export const MAX_ROWS_SHOWN = 2_000;

export type ShownReport =
  | Exclude<FigureImportReport, { rows: RowReport[] }>
  | (Extract<FigureImportReport, { rows: RowReport[] }> & { rowsTruncated: boolean });

export type ImportActionState =
  | { status: 'idle' }
  | { status: 'signed_out' | 'forbidden' | 'no_file' | 'failed' }
  | { status: 'reported'; intent: 'preview' | 'commit'; report: ShownReport };

export function shownReport(report: FigureImportReport, limit = MAX_ROWS_SHOWN): ShownReport {
  if (!('rows' in report)) return report;
  const { rows, truncated } = rowsToShow(report.rows, limit);
  return { ...report, rows, rowsTruncated: truncated };
}
