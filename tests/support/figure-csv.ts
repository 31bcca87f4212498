// Figure CSV files for the import tests, in the export's own format: the header row (and the HXL
// row on request), then one record per row, written by the same csv-stringify settings as the
// export. A row lists only the cells that matter to the test; the rest default to a valid
// cumulative figure of kabul-2021 with its own source.
import { stringify } from 'csv-stringify/sync';
import { FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW, type FigureCsvColumn } from '@/lib/csv/columns';

export type CsvRow = Partial<Record<FigureCsvColumn, string>>;

export const VALID_ROW: Readonly<Record<FigureCsvColumn, string>> = {
  operation: 'kabul-2021',
  group: 'all-evacuees',
  value: '26000',
  kind: 'CUMULATIVE',
  basis_start: '2021-08-14T00:00:00+04:30',
  window_start: '',
  window_end: '',
  as_of: '2021-08-23T00:00:00+04:30',
  provisional: 'false',
  source_publisher: 'Test desk',
  source_via: 'AFP',
  source_title: 'Count relayed by a test',
  source_url: 'https://example.org/count',
  source_quote: '',
  source_published_at: '2021-08-23T09:00:00+04:30',
  revision_id: '',
  replaces_revision_id: '',
  status: '',
  correction_reason: '',
};

export function figureCsv(rows: CsvRow[], options: { hxl?: boolean; header?: readonly string[] } = {}): string {
  const header = options.header ?? FIGURE_CSV_HEADER;
  const records = rows.map((row) => header.map((column) => ({ ...VALID_ROW, ...row })[column as FigureCsvColumn] ?? ''));
  const preamble = options.hxl ? [header, FIGURE_CSV_HXL_ROW] : [header];
  return stringify([...preamble, ...records] as string[][], { record_delimiter: '\n' });
}

export const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);
