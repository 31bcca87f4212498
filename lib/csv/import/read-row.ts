// One CSV record as a figure revision, validated with the shared figureInputSchema (the admin
// form's and the API's schema) plus the revision cells' schema, with every problem reported as
// `row N: column: message`. Pure: the operation's zone and groups come in as data.
import { FIGURE_CSV_HEADER, type FigureCsvColumn } from '../columns';
import { figureInputSchema } from '../../validation/figure-input';
import { figureRevisionCellsSchema } from '../../validation/figure-revision-cells';
import { parseInput, type FieldError } from '../../validation/field-errors';
import { resolveInstant } from '../../validation/zoned-instant';
import { readTextCell } from './text-cell';
import type { CsvRecord, CsvTable } from './read-table';
import type { ImportContext, ImportedFigure, RowDisplay, RowError, RowReading } from './types';

/** The columns the export writes through neutraliseFormula: free text, which may hold anything. */
const TEXT_COLUMNS = [
  'operation',
  'group',
  'source_publisher',
  'source_via',
  'source_title',
  'source_url',
  'source_quote',
  'correction_reason',
] as const satisfies readonly FigureCsvColumn[];
type TextColumn = (typeof TEXT_COLUMNS)[number];

/**
 * Text that is stored as the file has it (not trimmed), so a quote with a leading space comes
 * back byte for byte; the schema still decides whether it is blank and how long it may be. The
 * lengths are the database's.
 */
const KEPT_AS_WRITTEN: readonly (readonly [TextColumn, number])[] = [
  ['source_publisher', 200],
  ['source_via', 200],
  ['source_title', 500],
  ['source_quote', 2000],
  ['correction_reason', 1000],
];

/** Where a schema's field path is in the file. */
const COLUMN_OF_FIELD: Record<string, FigureCsvColumn> = {
  group: 'group',
  value: 'value',
  kind: 'kind',
  basisStart: 'basis_start',
  windowStart: 'window_start',
  windowEnd: 'window_end',
  asOf: 'as_of',
  provisional: 'provisional',
  'source.publisher': 'source_publisher',
  'source.title': 'source_title',
  'source.url': 'source_url',
  'source.via': 'source_via',
  'source.quote': 'source_quote',
  'source.publishedAt': 'source_published_at',
  revisionId: 'revision_id',
  replaces: 'replaces_revision_id',
  status: 'status',
  reason: 'correction_reason',
};

/** The kinds as the export writes them; the schema's own words name the form's lowercase values. */
const KIND_MESSAGE = 'must be CUMULATIVE or WINDOW';

/** Errors in the order of the file's columns, the row as a whole first. */
function inColumnOrder(errors: RowError[]): RowError[] {
  const position = (error: RowError) => (error.field === '' ? -1 : FIGURE_CSV_HEADER.indexOf(error.field));
  return [...errors].sort((a, b) => position(a) - position(b));
}

export function readImportRow(record: CsvRecord, table: CsvTable, context: ImportContext): RowReading {
  const raw = (column: FigureCsvColumn): string => record.cells[table.columns[column]] ?? '';
  const display: RowDisplay = {
    row: record.row,
    revisionId: raw('revision_id'),
    group: raw('group'),
    value: raw('value'),
    asOf: raw('as_of'),
    status: raw('status'),
  };
  const errors: RowError[] = [];
  const fail = (field: FigureCsvColumn | '', message: string) => errors.push({ row: record.row, field, message });

  if (record.cells.length !== table.width) {
    fail('', `has ${record.cells.length} cells where the header has ${table.width}: check for a missing or extra comma`);
    return { ok: false, display, errors };
  }

  const text = {} as Record<TextColumn, string>;
  for (const column of TEXT_COLUMNS) {
    const cell = readTextCell(raw(column));
    if (cell.ok) text[column] = cell.text;
    else {
      fail(column, cell.message);
      text[column] = '';
    }
  }
  const formulaColumns = new Set<string>();
  for (const error of errors) formulaColumns.add(error.field);

  if (text.operation.trim() === '' && !formulaColumns.has('operation')) fail('operation', 'is required');
  else if (text.operation.trim() !== context.operation && !formulaColumns.has('operation')) {
    fail('operation', `must be ${context.operation}, the operation this file is imported into`);
  }

  const figure = parseInput(figureInputSchema, {
    group: text.group,
    value: raw('value'),
    kind: raw('kind').trim().toLowerCase(),
    basisStart: raw('basis_start'),
    windowStart: raw('window_start'),
    windowEnd: raw('window_end'),
    asOf: raw('as_of'),
    provisional: raw('provisional').trim().toLowerCase(),
    source: {
      publisher: text.source_publisher,
      title: text.source_title,
      url: text.source_url,
      via: text.source_via,
      quote: text.source_quote,
      publishedAt: raw('source_published_at'),
    },
  });
  const revision = parseInput(figureRevisionCellsSchema, {
    revisionId: raw('revision_id'),
    replaces: raw('replaces_revision_id'),
    status: raw('status'),
    reason: text.correction_reason,
  });
  const schemaErrors: FieldError[] = [...(figure.ok ? [] : figure.errors), ...(revision.ok ? [] : revision.errors)];
  for (const error of schemaErrors) {
    const column = COLUMN_OF_FIELD[error.field] ?? '';
    // A formula cell already has its error; the schema would only add "is required".
    if (formulaColumns.has(column)) continue;
    fail(column, column === 'kind' ? KIND_MESSAGE : error.message);
  }
  for (const [column, max] of KEPT_AS_WRITTEN) {
    if (text[column].length > max && !errors.some((error) => error.field === column)) {
      fail(column, `must be at most ${max.toLocaleString('en')} characters`);
    }
  }
  if (!errors.some((error) => error.field === 'group') && !context.groups.includes(text.group.trim())) {
    fail('group', `must be one of this operation's groups: ${context.groups.join(', ')}`);
  }
  if (!figure.ok || !revision.ok || errors.length > 0) return { ok: false, display, errors: inColumnOrder(errors) };

  const input = figure.data;
  const instant = (typed: string | undefined) =>
    typed === undefined ? null : resolveInstant(typed, context.timeZone).getTime();
  const kind = input.kind === 'cumulative' ? 'CUMULATIVE' : 'WINDOW';
  const asOf = instant(input.asOf)!;
  const basisStart = instant(input.basisStart);
  const windowStart = instant(input.windowStart);
  const windowEnd = instant(input.windowEnd);
  // The figure's span, by the rules of the write services and the database's CHECKs; cells of the
  // other kind would otherwise be dropped without a word.
  if (kind === 'CUMULATIVE') {
    if (basisStart !== null && basisStart > asOf) fail('basis_start', 'must not be after the as-of date');
    if (windowStart !== null) fail('window_start', 'must be blank for a CUMULATIVE figure');
    if (windowEnd !== null) fail('window_end', 'must be blank for a CUMULATIVE figure');
  } else {
    if (basisStart !== null) fail('basis_start', 'must be blank for a WINDOW figure');
    if (windowStart !== null && windowEnd !== null && windowEnd <= windowStart) {
      fail('window_end', 'must be after the start of the window');
    }
  }
  if (errors.length > 0) return { ok: false, display, errors: inColumnOrder(errors) };

  const kept = (column: TextColumn): string | null => (text[column].trim() === '' ? null : text[column]);
  const cells = revision.data;
  const value: ImportedFigure = {
    group: input.group,
    value: input.value,
    kind,
    basisStart,
    windowStart,
    windowEnd,
    asOf,
    provisional: input.provisional,
    source: {
      publisher: kept('source_publisher')!,
      via: kept('source_via'),
      title: kept('source_title')!,
      url: input.source.url ?? null,
      quote: kept('source_quote'),
      publishedAt: instant(input.source.publishedAt),
    },
    replacesId: cells.replaces ?? null,
    correctionReason: cells.reason === undefined ? null : kept('correction_reason'),
    retracted: cells.status === 'superseded' ? null : cells.status === 'retracted',
  };
  return {
    ok: true,
    display,
    value: { row: record.row, revisionId: cells.revisionId ?? null, status: cells.status ?? null, figure: value, asOfText: input.asOf },
  };
}

