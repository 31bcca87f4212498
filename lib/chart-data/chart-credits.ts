// What a chart shown outside the page (a downloaded image, an embed) must say about itself: who
// the numbers come from, and as of when. Pure: the components translate and draw it.

import type { OperationDashboard, SourceDto } from '../data/dto';
import { zonedDateOf } from './time-axis';

/** A publisher as credited on a chart: "White House", via "AFP". */
export interface CreditedSource {
  publisher: string;
  via: string | null;
}

export type ChartKind = 'cumulative' | 'daily';

/**
 * The day a chart stands at, in the operation's time zone:
 * - 'view': the reader asked for a past day (`?asOf=`): what was known by the end of it;
 * - 'latest-figure': the latest view, which stands on the latest figure's date;
 * - 'today': nothing published yet, so only the day the chart was made says anything.
 */
export interface ChartAsOf {
  day: string;
  basis: 'view' | 'latest-figure' | 'today';
}

export function chartAsOf(dashboard: OperationDashboard, now: Date = new Date()): ChartAsOf {
  const timeZone = dashboard.operation.timeZone;
  if (dashboard.viewAsOf) return { day: zonedDateOf(Date.parse(dashboard.viewAsOf), timeZone), basis: 'view' };
  if (dashboard.latestFigure) {
    return { day: zonedDateOf(Date.parse(dashboard.latestFigure.asOf), timeZone), basis: 'latest-figure' };
  }
  return { day: zonedDateOf(now.getTime(), timeZone), basis: 'today' };
}

/** Each publisher once, in the order first met. */
export function creditedSources(sources: readonly Pick<SourceDto, 'publisher' | 'via'>[]): CreditedSource[] {
  const seen = new Set<string>();
  const credited: CreditedSource[] = [];
  for (const { publisher, via } of sources) {
    const key = `${publisher}\u0000${via ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    credited.push({ publisher, via });
  }
  return credited;
}

/**
 * The sources of what a chart draws. The cumulative chart: the figures, the goal, the statements
 * and the events. The daily chart: the figures it derives its rates from and the goal behind the
 * required pace.
 */
export function chartSources(dashboard: OperationDashboard, chart: ChartKind): CreditedSource[] {
  const sources: SourceDto[] = dashboard.series.map((figure) => figure.source);
  if (dashboard.target) sources.push(dashboard.target.source);
  if (chart === 'cumulative') {
    sources.push(...dashboard.statements.map((statement) => statement.source));
    sources.push(...dashboard.events.map((event) => event.source));
  }
  return creditedSources(sources);
}

/**
 * `kabul-2021-cumulative-all-evacuees-2021-08-22`: the operation, the chart, the group and the
 * as-of day, in characters every file system accepts (slugs are already [a-z0-9-]).
 */
export function chartFileStem({
  operation,
  chart,
  group,
  day,
}: {
  operation: string;
  chart: ChartKind;
  group: string;
  day: string;
}): string {
  return [operation, chart, group, day].map((part) => part.replace(/[^A-Za-z0-9-]+/g, '-')).join('-');
}
