'use client';

// The custom SVG marks of the cumulative chart. Recharts calls the dot renderers for every row of
// a series; a row with nothing to mark gets an empty group (Recharts wants an element back).

import type { ReactElement } from 'react';
import { useCartesianScale, usePlotArea, type ActiveDotProps, type DotItemDotProps } from 'recharts';
import type { CumulativeChartRow } from '@/lib/chart-data/cumulative-chart-data';

const FIGURE_RADIUS = 4.5;
// Large enough to show around a figure dot at the same point (the seed: Borrell spoke the day of
// the figure).
const STATEMENT_HALF = 10;
/** Rough width of a character of a 12 px label, to keep labels inside the plot. */
const LABEL_CHAR_WIDTH = 7.2;
const LABEL_GAP = 14;

function rowOf(props: DotItemDotProps): CumulativeChartRow | null {
  const row: unknown = props.payload;
  return row && typeof row === 'object' && 'figures' in row ? (row as CumulativeChartRow) : null;
}

function hasPosition(props: DotItemDotProps): props is DotItemDotProps & { cx: number; cy: number } {
  return typeof props.cx === 'number' && typeof props.cy === 'number' && Number.isFinite(props.cy);
}

/** More figures than this and dots would merge into a thick line: only notable ones keep a dot. */
const MAX_DOTTED_FIGURES = 120;

/**
 * A figure: filled when confirmed, hollow when provisional (the difference survives greyscale
 * printing and colour blindness). On a long series only provisional figures and the latest keep
 * their dot; the line and the tooltip still show every point.
 */
export function figureDotFor(figureCount: number) {
  const dense = figureCount > MAX_DOTTED_FIGURES;
  function FigureDot(props: DotItemDotProps): ReactElement {
    const row = rowOf(props);
    const key = `figure-${props.index}`;
    if (!row || row.figures.length === 0 || !hasPosition(props)) return <g key={key} />;
    const drawn = row.figures.reduce((best, figure) => (figure.value > best.value ? figure : best));
    if (dense && !drawn.provisional && !drawn.latest) return <g key={key} />;
    return (
      <circle
        key={key}
        cx={props.cx}
        cy={props.cy}
        r={FIGURE_RADIUS}
        fill={drawn.provisional ? 'var(--bg)' : 'var(--chart-figure)'}
        stroke="var(--chart-figure)"
        strokeWidth={2}
      />
    );
  }
  return FigureDot;
}

/** A statement: a diamond, a shape no other mark uses, so it reads without colour. */
export function StatementDot(props: DotItemDotProps): ReactElement {
  const row = rowOf(props);
  const key = `statement-${props.index}`;
  if (!row || row.statements.length === 0 || !hasPosition(props)) return <g key={key} />;
  const { cx, cy } = props;
  const h = STATEMENT_HALF;
  return (
    <path
      key={key}
      d={`M${cx} ${cy - h} L${cx + h} ${cy} L${cx} ${cy + h} L${cx - h} ${cy} Z`}
      fill="var(--chart-statement)"
      stroke="var(--bg)"
      strokeWidth={1.5}
    />
  );
}

/** The point the tooltip describes: a ring around it, so the marks inside stay visible. */
export function ActiveRing(props: ActiveDotProps): ReactElement {
  if (typeof props.cx !== 'number' || typeof props.cy !== 'number') return <g />;
  return <circle cx={props.cx} cy={props.cy} r={STATEMENT_HALF + 3} fill="none" stroke="var(--fg)" strokeWidth={2} />;
}

/**
 * The latest figure's value, written beside it. Above and before the point, where a rising line
 * leaves room; where that would leave the plot (a narrow screen), below and after it, which
 * under a rising line is free too; failing both, below it, held inside the plot.
 */
export function LatestFigureLabel({ t, value, lines }: { t: number; value: number; lines: readonly string[] }) {
  const at = useCartesianScale({ x: t, y: value });
  const plot = usePlotArea();
  if (!at || !plot) return null;
  const width = Math.max(...lines.map((line) => line.length)) * LABEL_CHAR_WIDTH;
  const lineHeight = 15;
  let x: number;
  let y: number;
  let anchor: 'start' | 'end';
  if (at.x - LABEL_GAP - width >= plot.x) {
    [x, y, anchor] = [at.x - LABEL_GAP, at.y - LABEL_GAP - (lines.length - 1) * lineHeight, 'end'];
  } else {
    anchor = 'start';
    y = at.y + LABEL_GAP + 8;
    x = Math.min(at.x + LABEL_GAP, plot.x + plot.width - width);
  }
  return (
    <text x={x} y={y} textAnchor={anchor} className="chart-mark-label">
      {lines.map((line, index) => (
        <tspan key={line} x={x} dy={index === 0 ? 0 : lineHeight}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
