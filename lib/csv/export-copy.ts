// The figures CSV export as one COPY statement: PostgreSQL formats every cell and writes the CSV
// bytes itself (`COPY (SELECT …) TO STDOUT WITH (FORMAT csv)`), byte for byte what the export has
// always written, at several times the rate of formatting rows in JavaScript. Our code writes only
// the preamble (BOM, header, HXL row).
//
// How COPY's CSV is made to match the format (RFC 4180 quoting of a field only when it holds a
// comma, a double quote, CR or LF; an empty cell for a missing value; LF record ends):
// - COPY also quotes an empty string (it would otherwise read as NULL): empty text becomes NULL,
//   written as an empty cell, which is what the format writes for both.
// - COPY quotes a lone `\.` only in single-column output; the export has 19 columns.
// - Instants: local date and time in the operation's time zone (the session's TimeZone, set by
//   the caller) with its offset, milliseconds only when there are some; an offset with seconds
//   (local mean time) cannot be written as ±hh:mm, so those instants are written in UTC with "Z".
//   The same rule as ./zoned-iso, which the JSON API still uses.
// - Text: neutralised against formula injection by the rule of ./neutralise-formula, in SQL.
// COPY takes no bind parameters, so the filter's values are written into the statement as
// literals, from numbers and dates only.
import { FIGURE_CSV_COLUMNS, FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW, type FigureCsvColumn } from './columns';
import { figureExportQuery, type FigureExportFilter } from './export-query';

/** What JavaScript's `\s` matches (ECMAScript WhiteSpace and LineTerminator), spelt out: a
 *  regular expression's [[:space:]] in PostgreSQL depends on the database's locale. */
const JS_WHITESPACE =
  '\\t\\n\\v\\f\\r \\u00A0\\u1680\\u2000\\u2001\\u2002\\u2003\\u2004\\u2005\\u2006\\u2007\\u2008' +
  '\\u2009\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF';
/** FORMULA_START of ./neutralise-formula after its leading quotes: `'*`, whitespace, a trigger. */
const FORMULA_START = `^'*[${JS_WHITESPACE}]*[=+@\\t\\r\\n\\uFF1D\\uFF0B\\uFF0D\\uFF20-]`;

/** A text cell: prefixed with `'` where a spreadsheet would evaluate it; empty text as NULL. */
export function textCellSql(expression: string): string {
  return `CASE WHEN ${expression} ~ ${literal(FORMULA_START)} THEN '''' || ${expression} ELSE NULLIF(${expression}, '') END`;
}

/** An instant in the session's time zone, as ./zoned-iso writes it. */
export function instantCellSql(expression: string): string {
  return `CASE WHEN date_part('timezone', ${expression})::int % 60 = 0
      THEN replace(to_char(${expression}, 'YYYY-MM-DD"T"HH24:MI:SS.MSTZH:TZM'), '.000', '')
      ELSE replace(to_char(${expression} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '.000', '') END`;
}

/** PostgreSQL's text literal for `text` (pg's escapeLiteral: E'' when it holds a backslash). */
function literal(text: string): string {
  const quoted = `'${text.replace(/'/g, "''")}'`;
  return text.includes('\\') ? ` E${quoted.replace(/\\/g, '\\\\')}` : quoted;
}

/** Each column's cell, in SQL over the export query's row `x` (columns named after
 *  FigureExportRow's fields). */
function csvCells(operationSlug: string): Record<FigureCsvColumn, string> {
  return {
    operation: textCellSql(literal(operationSlug)),
    group: textCellSql('x."group"'),
    value: 'x.value',
    kind: 'x.kind',
    basis_start: instantCellSql('x."basisStart"'),
    window_start: instantCellSql('x."windowStart"'),
    window_end: instantCellSql('x."windowEnd"'),
    as_of: instantCellSql('x."asOf"'),
    provisional: `CASE WHEN x.provisional THEN 'true' ELSE 'false' END`,
    source_publisher: textCellSql('x."sourcePublisher"'),
    source_via: textCellSql('x."sourceVia"'),
    source_title: textCellSql('x."sourceTitle"'),
    source_url: textCellSql('x."sourceUrl"'),
    source_quote: textCellSql('x."sourceQuote"'),
    source_published_at: instantCellSql('x."sourcePublishedAt"'),
    revision_id: 'x."revisionId"',
    replaces_revision_id: 'x."replacesRevisionId"',
    status: 'x.status',
    correction_reason: textCellSql('x."correctionReason"'),
  };
}

/** A bound value of the export query as a literal: ids and instants are all it binds. */
function valueLiteral(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return `'${value.toISOString()}'::timestamptz`;
  throw new Error(`the export query bound a value COPY cannot take: ${String(value)}`);
}

/**
 * The COPY statement of the export of `filter`, for an operation whose slug is `operationSlug`.
 * Run it with the session's TimeZone set to the operation's zone.
 *
 * The export query runs as it is, sorted, inside a subquery that OFFSET 0 keeps from being merged
 * into the outer SELECT, and the cells are formatted over its rows: PostgreSQL would otherwise
 * format every row before the sort (a target list is computed below the Sort node), sorting wider
 * rows and sending the first one seconds later. A subquery scan keeps its rows' order.
 */
export function figureCopyStatement(filter: FigureExportFilter, operationSlug: string): string {
  const { text, values } = figureExportQuery(filter);
  const select = text.replace(/\$(\d+)\b/g, (_, n: string) => valueLiteral(values[Number(n) - 1]));
  const cells = csvCells(operationSlug);
  return `COPY (
    SELECT ${FIGURE_CSV_COLUMNS.map(({ name }) => cells[name]).join(',\n           ')}
      FROM (${select}
            OFFSET 0) x
  ) TO STDOUT WITH (FORMAT csv)`;
}

export interface FigureCsvLayout {
  /** Prefix the file with the UTF-8 byte-order mark, for Excel. */
  bom: boolean;
  /** Put the HXL hashtag row directly under the header row. */
  hxl: boolean;
}

/** The header row, then the HXL row when asked for, with the BOM first when asked for. Column
 *  names and hashtags hold nothing a CSV field would quote (a unit test checks). */
export function figureCsvPreamble(layout: FigureCsvLayout): string {
  const rows = layout.hxl ? [FIGURE_CSV_HEADER, FIGURE_CSV_HXL_ROW] : [FIGURE_CSV_HEADER];
  return `${layout.bom ? '\uFEFF' : ''}${rows.map((row) => `${row.join(',')}\n`).join('')}`;
}
