// The time axis shared by the charts: from the basis start to a little after the deadline, with
// ticks at the starts of calendar days in the operation's time zone (a Kabul day starts at 19:30
// UTC, so UTC midnights would put every label half a day off).

import { MS_PER_DAY, startOfDayInZone } from '../feasibility';
import type { TimeAxis } from './chart-types';

const MS_PER_HOUR = 3_600_000;
/** Room after the deadline so its marker and label are not drawn on the chart's edge. */
const END_PADDING_SHARE = 0.04;
const MIN_END_PADDING_MS = 6 * MS_PER_HOUR;
/** More day ticks than this and labels would collide even on a wide screen. */
const MAX_TICKS = 31;

export interface TimeAxisInput {
  /** The basis start of the series (or the operation's start): the left edge. */
  start: number;
  deadline: number;
  /** Instants that must be visible too: figures, events and statements outside the span. */
  alsoShow: readonly number[];
  timeZone: string;
}

export function operationTimeAxis({ start, deadline, alsoShow, timeZone }: TimeAxisInput): TimeAxis {
  const from = Math.min(start, ...alsoShow);
  const to = Math.max(deadline, ...alsoShow);
  const padding = Math.max((to - from) * END_PADDING_SHARE, MIN_END_PADDING_MS);
  const domain: [number, number] = [from, to + padding];
  return { domain, ticks: dayStartTicks(domain, timeZone), timeZone };
}

/** Starts of local days inside the domain, every day or every few days for long spans. */
export function dayStartTicks([from, to]: [number, number], timeZone: string): number[] {
  const stepDays = Math.max(1, Math.ceil((to - from) / MS_PER_DAY / MAX_TICKS));
  const ticks: number[] = [];
  let date = zonedDateOf(from, timeZone);
  for (;;) {
    const dayStart = startOfDayInZone(date, timeZone).getTime();
    if (dayStart > to) break;
    if (dayStart >= from) ticks.push(dayStart);
    date = addDays(date, ticks.length === 0 ? 1 : stepDays);
  }
  return ticks;
}

/** The calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function zonedDateOf(instant: number, timeZone: string): string {
  const parts = dateFormatterFor(timeZone).formatToParts(instant);
  const field = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${field('year')}-${field('month')}-${field('day')}`;
}

// Building an Intl.DateTimeFormat costs far more than using one; tables call this per row.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = dateFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Deadlines are exclusive ends of a day ("by 31 August" is 1 September 00:00 local): one
 * millisecond earlier is still the last day, which is the date a label must show. The same rule
 * as lastDayOf in components/dates.ts, kept here because lib does not import components.
 */
export function lastDayOfDeadline(deadline: number): number {
  return deadline - 1;
}
