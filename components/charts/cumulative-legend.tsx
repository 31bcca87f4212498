'use client';

import { useTranslations } from 'next-intl';
import type { CumulativeChartData } from '@/lib/chart-data/cumulative-chart-data';
import { ChartLegend, type LegendItem } from './chart-legend';
import { CHART_COLOR } from './chart-style';
import { EventKey } from './event-key';
import type { ChartFormat } from './use-chart-format';

/** The key of the cumulative chart: only the kinds of mark it actually draws, then the events. */
export function CumulativeLegend({ data, format }: { data: CumulativeChartData; format: ChartFormat }) {
  const t = useTranslations('Charts.legend');
  const items: LegendItem[] = [{ key: 'figures', label: t('figures'), swatch: 'dot', color: CHART_COLOR.figure }];
  if (data.points.some((point) => point.provisional)) {
    items.push({ key: 'provisional', label: t('provisional'), swatch: 'hollow', color: CHART_COLOR.figure });
  }
  if (data.projection) {
    const pace = format.rate(data.projection.perDay);
    items.push({ key: 'projection', label: t('projection', { pace }), swatch: 'dashed', color: CHART_COLOR.projection });
  }
  if (data.requiredPace) {
    const pace = format.rate(data.requiredPace.perDay);
    items.push({ key: 'required', label: t('required', { pace }), swatch: 'dotted', color: CHART_COLOR.required });
  }
  if (data.goal) {
    items.push(
      data.goal.isRange
        ? { key: 'goal', label: t('goalRange'), swatch: 'band', color: CHART_COLOR.goal }
        : { key: 'goal', label: t('goal'), swatch: 'line', color: CHART_COLOR.goal },
    );
  }
  const deadline = format.day(data.deadline.lastDay);
  items.push({ key: 'deadline', label: t('deadline', { date: deadline }), swatch: 'vertical', color: CHART_COLOR.deadline });
  if (data.statements.length > 0) {
    items.push({ key: 'statement', label: t('statement'), swatch: 'diamond', color: CHART_COLOR.statement });
  }
  if (data.events.length > 0) items.push({ key: 'event', label: t('event'), swatch: 'event', color: CHART_COLOR.event });
  return (
    <>
      <ChartLegend items={items} />
      <EventKey events={data.events} format={format} />
    </>
  );
}
