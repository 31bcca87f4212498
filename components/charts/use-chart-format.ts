'use client';

// Numbers and instants as the charts show them: through next-intl (the reader's locale) and always
// in the operation's time zone, so an axis tick, a tooltip and a table row name the same day.

import { useFormatter } from 'next-intl';
import { useMemo } from 'react';
import { startOfDayInZone } from '@/lib/feasibility';
import { zonedDateOf } from '@/lib/chart-data/time-axis';

export interface ChartFormat {
  /** A head count: whole people. */
  count: (value: number) => string;
  /** A pace: whole people a day, one decimal below 10 a day so small paces do not read as 0. */
  rate: (perDay: number) => string;
  /** Elapsed days, to one decimal. */
  days: (days: number) => string;
  /** "22 Aug": axis ticks. */
  tick: (t: number) => string;
  /** "22 August 2021", or "22 August 2021, 14:30" when the instant is not the start of a day. */
  instant: (t: number) => string;
  /** "22 August": the day an instant falls on, for sentences. */
  day: (t: number) => string;
}

export function useChartFormat(timeZone: string): ChartFormat {
  const format = useFormatter();
  return useMemo(() => {
    const isDayStart = (t: number) =>
      startOfDayInZone(zonedDateOf(t, timeZone), timeZone).getTime() === t;
    return {
      count: (value) => format.number(value, { maximumFractionDigits: 0 }),
      rate: (perDay) => format.number(perDay, { maximumFractionDigits: Math.abs(perDay) < 10 ? 1 : 0 }),
      days: (days) => format.number(days, { maximumFractionDigits: 1 }),
      tick: (t) => format.dateTime(new Date(t), { day: 'numeric', month: 'short', timeZone }),
      instant: (t) =>
        format.dateTime(
          new Date(t),
          isDayStart(t)
            ? { day: 'numeric', month: 'long', year: 'numeric', timeZone }
            : { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone },
        ),
      day: (t) => format.dateTime(new Date(t), { day: 'numeric', month: 'long', timeZone }),
    };
  }, [format, timeZone]);
}
