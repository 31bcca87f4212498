// Spreadsheet formula injection (CSV injection), neutralised as OWASP recommends: a text cell that
// a spreadsheet would read as a formula gets a leading single quote, which Excel, LibreOffice and
// Google Sheets show as text. Quoting the cell (csv-stringify does that when needed) is not enough
// on its own: spreadsheets evaluate `"=1+1"` all the same.
//
// A cell is dangerous when it starts with = + - @, a tab, CR or LF, also after leading whitespace
// (" =1+1" is still evaluated by some spreadsheets), and when it starts with the full-width forms
// of = + - @, which Apple Numbers normalises into formulas (csv-stringify's own escape_formulas
// lists them too). Numbers are never passed through here: a count or an id is written as it is,
// so `-` can never be prepended to something a reader sums.
//
// The mapping is reversible, so an import of our own files gives back what was exported: a cell
// that already starts with quotes followed by something dangerous ("'=x") gets one quote more, and
// `restoreNeutralisedCell` strips exactly one quote where `neutraliseFormula` added one.

/** What a spreadsheet may evaluate: optional whitespace, then a formula or control character. */
const FORMULA_START = /^\s*[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
const LEADING_QUOTES = /^'+/;

/** ASCII letters and digits: a cell starting with one is safe, without a regular expression
 *  (an export checks millions of cells). */
function startsPlain(text: string): boolean {
  const code = text.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether `neutraliseFormula` prefixes this text. */
export function needsNeutralising(text: string): boolean {
  if (startsPlain(text)) return false;
  return FORMULA_START.test(text.replace(LEADING_QUOTES, ''));
}

/** The text as it may safely go into a CSV cell: prefixed with `'` where a spreadsheet would
 *  evaluate it, unchanged otherwise. */
export function neutraliseFormula(text: string): string {
  return needsNeutralising(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`, for reading our own exports back. */
export function restoreNeutralisedCell(cell: string): string {
  return cell.startsWith("'") && needsNeutralising(cell.slice(1)) ? cell.slice(1) : cell;
}

export type CsvCell = string | number | null;

/** Neutralises text cells; numbers and empty cells pass through untouched. */
export function neutraliseCell(cell: CsvCell): CsvCell {
  return typeof cell === 'string' ? neutraliseFormula(cell) : cell;
}
