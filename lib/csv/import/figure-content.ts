// Comparing figures by content: whether a row of the file is what the database already holds
// (then importing it again adds nothing), and which columns differ when it is not.
import type { FigureCsvColumn } from '../columns';
import type { ImportedFigure } from './types';

type Compared = [FigureCsvColumn, (figure: ImportedFigure) => unknown];

const COMPARED: Compared[] = [
  ['group', (f) => f.group],
  ['value', (f) => f.value],
  ['kind', (f) => f.kind],
  ['basis_start', (f) => f.basisStart],
  ['window_start', (f) => f.windowStart],
  ['window_end', (f) => f.windowEnd],
  ['as_of', (f) => f.asOf],
  ['provisional', (f) => f.provisional],
  ['source_publisher', (f) => f.source.publisher],
  ['source_via', (f) => f.source.via],
  ['source_title', (f) => f.source.title],
  ['source_url', (f) => f.source.url],
  ['source_quote', (f) => f.source.quote],
  ['source_published_at', (f) => f.source.publishedAt],
  ['replaces_revision_id', (f) => f.replacesId],
  ['correction_reason', (f) => f.correctionReason],
];

/** One string per content: equal strings, equal figures. A blank status counts as not retracted. */
export function contentKey(figure: ImportedFigure): string {
  return JSON.stringify([...COMPARED.map(([, read]) => read(figure)), figure.retracted ?? false]);
}

/**
 * The columns in which the file's figure differs from the stored one. `retracted` is compared
 * only when the file says (a `superseded` row may or may not have been a retraction marker).
 */
export function differingColumns(fromFile: ImportedFigure, stored: ImportedFigure): FigureCsvColumn[] {
  const columns = COMPARED.filter(([, read]) => read(fromFile) !== read(stored)).map(([column]) => column);
  if (fromFile.retracted !== null && fromFile.retracted !== stored.retracted) columns.push('status');
  return columns;
}
