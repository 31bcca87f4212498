// The columns of the figures CSV export, in file order, each with its Humanitarian Exchange Language
// (HXL) hashtag. One list, so the header row, the HXL row and the record builder cannot drift apart,
// and the import (which reads the export's own format) can share it.
//
// HXL tags, chosen from the HXL 1.1 core dictionary (hashtags and attributes) and extended only
// with attributes, which the standard allows, never with new hashtags:
//   operation    #activity+code     #activity is "a programme, project, or other activity": the
//                                   evacuation operation; +code because the cell is its slug.
//   group        #beneficiary+code  #beneficiary describes "a person or group meant to benefit
//                                   from aid activities"; #group would be wrong: in HXL it means a
//                                   non-humanitarian group such as a militia.
//   value        #reached+ind       #reached is the number of people reached by the response, and
//                                   HXL requires its cells to be numbers (they are); +ind says
//                                   individuals, not households. Not +total: a WINDOW figure is a
//                                   count within a window, not a running total.
//   kind         #indicator+type    how the count is measured (CUMULATIVE since a date, or WINDOW).
//   basis_start  #date+start+basis  the dates are all #date (HXL tools parse #date columns as
//   window_*     #date+start+window dates, and its default schema rejects non-dates there), told
//                #date+end+window   apart by +start/+end and a custom +basis/+window attribute.
//   as_of        #date+reported     "date when the information was reported", as HDX datasets tag
//                                   the date a count stands at; HXL tools read the local date.
//   provisional  #meta+provisional  metadata about the row, not a status of the operation.
//   source_*     #meta+source...    #meta+source is HXL's "information source for the data in the
//                                   row"; the other source cells refine it (+via, +title, +url,
//                                   +quote), so a filter on #meta+url or #meta+source still finds
//                                   them; source_published_at is a date, hence #date+published.
//   revision_id  #meta+id           HXL's internal identifier of a record.
//   replaces_... #meta+id+replaces
//   status       #meta+status       metadata about the row; #status would claim the operation's
//                                   own status (planned, active, complete).
//   correction_reason #description+correction
import type { RevisionStatus } from '../figure-revisions';

export const FIGURE_CSV_COLUMNS = [
  { name: 'operation', hxl: '#activity+code' },
  { name: 'group', hxl: '#beneficiary+code' },
  { name: 'value', hxl: '#reached+ind' },
  { name: 'kind', hxl: '#indicator+type' },
  { name: 'basis_start', hxl: '#date+start+basis' },
  { name: 'window_start', hxl: '#date+start+window' },
  { name: 'window_end', hxl: '#date+end+window' },
  { name: 'as_of', hxl: '#date+reported' },
  { name: 'provisional', hxl: '#meta+provisional' },
  { name: 'source_publisher', hxl: '#meta+source' },
  { name: 'source_via', hxl: '#meta+source+via' },
  { name: 'source_title', hxl: '#meta+source+title' },
  { name: 'source_url', hxl: '#meta+source+url' },
  { name: 'source_quote', hxl: '#meta+source+quote' },
  { name: 'source_published_at', hxl: '#date+published' },
  { name: 'revision_id', hxl: '#meta+id' },
  { name: 'replaces_revision_id', hxl: '#meta+id+replaces' },
  { name: 'status', hxl: '#meta+status' },
  { name: 'correction_reason', hxl: '#description+correction' },
] as const;

export type FigureCsvColumn = (typeof FIGURE_CSV_COLUMNS)[number]['name'];

export const FIGURE_CSV_HEADER: readonly FigureCsvColumn[] = FIGURE_CSV_COLUMNS.map((c) => c.name);

/** The HXL hashtag row, written directly under the header row when asked for. */
export const FIGURE_CSV_HXL_ROW: readonly string[] = FIGURE_CSV_COLUMNS.map((c) => c.hxl);

/** Milliseconds since 1970-01-01T00:00Z: the export reads instants as numbers, not Dates (see
 *  ./pg-timestamp). */
export type EpochMs = number;

/** One figure as the export query returns it, the revision status resolved. The operation is the
 *  same on every row, so it comes from the export, not from each row. */
export interface FigureExportRow {
  revisionId: number;
  group: string;
  value: number;
  kind: 'CUMULATIVE' | 'WINDOW';
  basisStart: EpochMs | null;
  windowStart: EpochMs | null;
  windowEnd: EpochMs | null;
  asOf: EpochMs;
  provisional: boolean;
  sourcePublisher: string;
  sourceVia: string | null;
  sourceTitle: string;
  sourceUrl: string | null;
  sourceQuote: string | null;
  sourcePublishedAt: EpochMs | null;
  replacesRevisionId: number | null;
  status: RevisionStatus;
  correctionReason: string | null;
}
