// Shapes shared by the chart-data modules. Instants are epoch milliseconds (what a numeric time
// axis plots); the ISO strings of the DTOs are kept beside them where a tooltip or table shows
// them, so nothing is parsed twice.

import type { SourceDto } from '../data/dto';

/** What a tooltip or a table row says about where a number comes from. */
export interface ChartSource {
  publisher: string;
  via: string | null;
  title: string;
  url: string | null;
}

export function chartSourceOf(source: SourceDto): ChartSource {
  return { publisher: source.publisher, via: source.via, title: source.title, url: source.url };
}

/** A value axis with its tick values, chosen so labels are round numbers. */
export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
}

/** The time axis of both charts: the same span, so they line up one above the other. */
export interface TimeAxis {
  /** Epoch ms. */
  domain: [number, number];
  /** The starts of calendar days in the operation's time zone (epoch ms). */
  ticks: number[];
  timeZone: string;
}

/** A straight segment between two instants, e.g. the projection from the last figure on. */
export interface ChartSegment {
  from: { t: number; value: number };
  to: { t: number; value: number };
}

export interface FigurePoint {
  figureId: number;
  t: number;
  asOf: string;
  value: number;
  /** Published as preliminary: drawn hollow, on a dashed line, and labelled so. */
  provisional: boolean;
  /** The latest figure of the series: the count the page's arithmetic stands on. */
  latest: boolean;
  source: ChartSource;
}

/** A line that continues from the last figure to the deadline, with its slope per day. */
export interface PaceLine extends ChartSegment {
  perDay: number;
}
