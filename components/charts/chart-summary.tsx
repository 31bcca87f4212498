'use client';

// The text summary of each chart: the same story in words, for screen readers (through the
// chart's aria-describedby) and for anyone who reads faster than they decode a chart.

import { useTranslations } from 'next-intl';
import type { CumulativeChartSummary, DailyChartSummary } from '@/lib/chart-data/chart-summary';
import type { ChartFormat } from './use-chart-format';

export function CumulativeChartSummaryText({
  summary,
  format,
}: {
  summary: CumulativeChartSummary;
  format: ChartFormat;
}) {
  const t = useTranslations('Charts.summary');
  const { first, latest, goal, projection } = summary;
  const sentences: string[] = [];
  if (!first || !latest) {
    sentences.push(t('noFigures', { group: summary.groupName }));
  } else if (summary.figureCount === 1) {
    sentences.push(
      t('oneFigure', {
        group: summary.groupName,
        basis: format.day(summary.basisStart),
        value: format.count(latest.value),
        date: format.instant(latest.t),
      }),
    );
  } else {
    sentences.push(
      t('figures', {
        count: format.count(summary.figureCount),
        group: summary.groupName,
        basis: format.day(summary.basisStart),
        firstValue: format.count(first.value),
        firstDate: format.instant(first.t),
        latestValue: format.count(latest.value),
        latestDate: format.instant(latest.t),
      }),
    );
  }
  if (summary.provisionalCount > 0) sentences.push(t('provisional', { count: summary.provisionalCount }));
  if (goal) {
    const deadline = format.day(summary.deadlineLastDay);
    sentences.push(
      goal.isRange
        ? t('goalRange', { low: format.count(goal.low), high: format.count(goal.high), deadline })
        : t('goal', { goal: format.count(goal.high), deadline }),
    );
  }
  if (projection) {
    sentences.push(
      t(projection.outcome, {
        pace: format.rate(projection.perDay),
        total: format.count(projection.total),
        shortfall: format.count(projection.shortfall),
        required: summary.requiredPacePerDay === null ? '–' : format.rate(summary.requiredPacePerDay),
      }),
    );
  }
  if (summary.eventCount + summary.statementCount > 0) {
    sentences.push(t('annotations', { events: summary.eventCount, statements: summary.statementCount }));
  }
  return <p>{sentences.join(' ')}</p>;
}

export function DailyChartSummaryText({ summary, format }: { summary: DailyChartSummary; format: ChartFormat }) {
  const t = useTranslations('Charts.summary');
  const { highest, latest } = summary;
  const sentences: string[] = [];
  if (!highest || !latest) {
    sentences.push(t('noRates'));
  } else if (summary.intervalCount === 1) {
    sentences.push(t('oneRate', { from: format.day(latest.from), to: format.day(latest.to), rate: format.rate(latest.perDay) }));
  } else {
    sentences.push(
      t('rates', {
        highest: format.rate(highest.perDay),
        highestFrom: format.day(highest.from),
        highestTo: format.day(highest.to),
        latest: format.rate(latest.perDay),
        latestFrom: format.day(latest.from),
        latestTo: format.day(latest.to),
      }),
    );
  }
  if (summary.requiredPacePerDay !== null && summary.latestMeetsRequired !== null) {
    const required = format.rate(summary.requiredPacePerDay);
    sentences.push(t(summary.latestMeetsRequired ? 'requiredMet' : 'requiredNotMet', { required }));
  }
  if (summary.correctionCount > 0) sentences.push(t('corrections', { count: summary.correctionCount }));
  return <p>{sentences.join(' ')}</p>;
}
