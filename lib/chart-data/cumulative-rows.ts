// The cumulative chart as one list of rows, one per instant that carries anything. Recharts walks
// the chart's rows with the arrow keys and shows one tooltip per row, so a keyboard reader reaches
// every figure, event, statement and the deadline in time order, and a row shared by several
// marks (the seed's 22 August: the figure, Borrell, two undated events) tells all of them at once.

import type { EventMarker, StatementMarker } from './chart-annotations';
import type { FigurePoint, PaceLine } from './chart-types';

export interface CumulativeChartRow {
  t: number;
  /** The solid line: the basis start (0) and the figures up to the last confirmed one. */
  confirmed: number | null;
  /** The dashed line: from the last confirmed figure through the provisional ones after it. */
  provisionalTail: number | null;
  projection: number | null;
  required: number | null;
  /** Where a statement's mark sits: the count known when it was said. */
  statement: number | null;
  /** Figures at this instant (rarely more than one; the line takes the largest, as the arithmetic does). */
  figures: FigurePoint[];
  statements: StatementMarker[];
  events: EventMarker[];
  isBasisStart: boolean;
  isDeadline: boolean;
}

export interface CumulativeRowsInput {
  basisStart: number;
  deadline: number;
  points: readonly FigurePoint[];
  projection: PaceLine | null;
  requiredPace: PaceLine | null;
  events: readonly EventMarker[];
  statements: readonly StatementMarker[];
}

export function buildCumulativeRows(input: CumulativeRowsInput): CumulativeChartRow[] {
  const rows = new Map<number, CumulativeChartRow>();
  const rowAt = (t: number): CumulativeChartRow => {
    let row = rows.get(t);
    if (!row) {
      row = emptyRow(t);
      rows.set(t, row);
    }
    return row;
  };

  rowAt(input.basisStart).isBasisStart = true;
  rowAt(input.deadline).isDeadline = true;
  for (const point of input.points) rowAt(point.t).figures.push(point);
  for (const event of input.events) rowAt(event.t).events.push(event);
  for (const statement of input.statements) {
    const row = rowAt(statement.t);
    row.statements.push(statement);
    row.statement ??= statement.value;
  }
  for (const [line, key] of [
    [input.projection, 'projection'],
    [input.requiredPace, 'required'],
  ] as const) {
    if (!line) continue;
    rowAt(line.from.t)[key] = line.from.value;
    rowAt(line.to.t)[key] = line.to.value;
  }

  const ordered = [...rows.values()].sort((a, b) => a.t - b.t);
  drawFigureLines(ordered, input.basisStart);
  return ordered;
}

/**
 * Splits the figures into the solid line and the dashed provisional tail. The count is 0 at the
 * basis start by definition, so the line starts there: a single figure still reads as a slope.
 */
function drawFigureLines(rows: CumulativeChartRow[], basisStart: number): void {
  // A figure dated before its basis start would be on another basis: it is not joined in.
  const lineRows = rows.filter(
    (row) => row.t >= basisStart && (row.figures.length > 0 || row.isBasisStart),
  );
  const valueOf = (row: CumulativeChartRow) =>
    row.figures.length > 0 ? Math.max(...row.figures.map((figure) => figure.value)) : 0;
  const isProvisional = (row: CumulativeChartRow) => {
    const drawn = row.figures.reduce<FigurePoint | null>(
      (best, figure) => (!best || figure.value > best.value ? figure : best),
      null,
    );
    return drawn?.provisional ?? false;
  };
  // The basis start (index 0) is never provisional, so some row is always confirmed.
  let lastConfirmed = 0;
  lineRows.forEach((row, index) => {
    if (!isProvisional(row)) lastConfirmed = index;
  });
  lineRows.forEach((row, index) => {
    if (index <= lastConfirmed) row.confirmed = valueOf(row);
    if (index >= lastConfirmed && lastConfirmed < lineRows.length - 1) row.provisionalTail = valueOf(row);
  });
}

function emptyRow(t: number): CumulativeChartRow {
  return {
    t,
    confirmed: null,
    provisionalTail: null,
    projection: null,
    required: null,
    statement: null,
    figures: [],
    statements: [],
    events: [],
    isBasisStart: false,
    isDeadline: false,
  };
}
