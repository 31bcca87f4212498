// One figure as one CSV record for the reference writer (./figure-csv-writer; the export's own cells
// are formatted in SQL by ./export-copy), in the column order of ./columns: instants in the operation's time
// zone with its offset, booleans as true/false (csv-stringify would write 1 and an empty cell),
// every text cell neutralised against formula injection, numbers written as they are.
import type { FigureExportRow } from './columns';
import { neutraliseFormula, type CsvCell } from './neutralise-formula';
import { formatInstantInZone, formatInstantOrNull } from './zoned-iso';

const text = (value: string | null): string | null => (value === null ? null : neutraliseFormula(value));

/** What every record of one export shares. */
export interface ExportContext {
  operation: string;
  timeZone: string;
}

export function toCsvRecord(row: FigureExportRow, { operation, timeZone }: ExportContext): CsvCell[] {
  return [
    text(operation),
    text(row.group),
    row.value,
    row.kind,
    formatInstantOrNull(row.basisStart, timeZone),
    formatInstantOrNull(row.windowStart, timeZone),
    formatInstantOrNull(row.windowEnd, timeZone),
    formatInstantInZone(row.asOf, timeZone),
    row.provisional ? 'true' : 'false',
    text(row.sourcePublisher),
    text(row.sourceVia),
    text(row.sourceTitle),
    text(row.sourceUrl),
    text(row.sourceQuote),
    formatInstantOrNull(row.sourcePublishedAt, timeZone),
    row.revisionId,
    row.replacesRevisionId,
    row.status,
    text(row.correctionReason),
  ];
}
