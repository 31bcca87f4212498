// Events and statements as marks on the cumulative chart.

import type { EventDto, FigureDto, StatementWithArithmetic } from '../data/dto';
import { chartSourceOf, type ChartSource } from './chart-types';

export interface EventMarker {
  /** 1-based, in time order: the short label drawn on the chart and repeated in its key. */
  number: number;
  /** Where it is drawn: when it happened, or when it was reported if that is all we know. */
  t: number;
  /** False when the source gave no date: the mark stands at the report date and says so. */
  dateStated: boolean;
  occurredAt: string | null;
  reportedAt: string;
  kind: EventDto['kind'];
  title: string;
  count: number | null;
  source: ChartSource;
}

export function eventMarkersOf(events: readonly EventDto[]): EventMarker[] {
  return events
    .map((event) => ({ event, t: Date.parse(event.occurredAt ?? event.reportedAt) }))
    .sort((a, b) => a.t - b.t)
    .map(({ event, t }, index) => ({
      number: index + 1,
      t,
      dateStated: event.occurredAt !== null,
      occurredAt: event.occurredAt,
      reportedAt: event.reportedAt,
      kind: event.kind,
      title: event.title,
      count: event.count,
      source: chartSourceOf(event.source),
    }));
}

export interface StatementMarker {
  t: number;
  saidAt: string;
  /** The cumulative count known when it was said: where the point sits on the chart. */
  value: number;
  speaker: string;
  speakerRole: string | null;
  quote: string;
  stance: StatementWithArithmetic['stance'];
  claimedGoal: number | null;
  /** The arithmetic at that moment, against the goal the statement names (null without one). */
  goal: number | null;
  requiredPacePerDay: number | null;
  observedPacePerDay: number | null;
  source: ChartSource;
}

export function statementMarkersOf(
  statements: readonly StatementWithArithmetic[],
  series: readonly FigureDto[],
): StatementMarker[] {
  return statements.map((statement) => {
    const t = Date.parse(statement.saidAt);
    const { arithmetic } = statement;
    return {
      t,
      saidAt: statement.saidAt,
      // The data layer computed the arithmetic from the whole series; the series handed to the
      // chart may be thinned for drawing, so the arithmetic's count is the better one when known.
      value: arithmetic ? arithmetic.evacuated : cumulativeKnownAt(series, t),
      speaker: statement.speaker,
      speakerRole: statement.speakerRole,
      quote: statement.quote,
      stance: statement.stance,
      claimedGoal: statement.claimedGoal,
      goal: arithmetic?.goal ?? null,
      requiredPacePerDay: arithmetic?.requiredPacePerDay ?? null,
      observedPacePerDay: arithmetic?.observedPace.wholeOperation?.perDay ?? null,
      source: chartSourceOf(statement.source),
    };
  });
}

/**
 * The value of the latest figure at or before `instant`; 0 before the first one, since the count
 * is 0 at the basis start by definition. Of two figures at the same instant, the larger, as the
 * feasibility arithmetic reads them.
 */
export function cumulativeKnownAt(series: readonly FigureDto[], instant: number): number {
  let known: { t: number; value: number } | null = null;
  for (const figure of series) {
    const t = Date.parse(figure.asOf);
    if (t > instant) continue;
    if (!known || t > known.t || (t === known.t && figure.value > known.value)) {
      known = { t, value: figure.value };
    }
  }
  return known?.value ?? 0;
}

/** Events at one instant share one mark on the chart (the seed has two undated ones on 22 August). */
export function eventMarkGroups(events: readonly EventMarker[]): { t: number; events: EventMarker[] }[] {
  const groups = new Map<number, EventMarker[]>();
  for (const event of events) groups.set(event.t, [...(groups.get(event.t) ?? []), event]);
  return [...groups].map(([t, grouped]) => ({ t, events: grouped }));
}
