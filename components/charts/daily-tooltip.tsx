'use client';

import { useTranslations } from 'next-intl';
import type { DailyChartRow } from '@/lib/chart-data/daily-chart-data';
import { ChartSourceNote } from './chart-source';
import type { ChartFormat } from './use-chart-format';

/** One interval of the daily chart: its span, its rate, what it rests on. */
export function DailyTooltip({ row, format }: { row: DailyChartRow | undefined; format: ChartFormat }) {
  const t = useTranslations('Charts.tooltip');
  if (!row) return null;
  const { interval } = row;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-when">
        {t('interval', { from: format.instant(interval.from), to: format.instant(interval.to) })}
      </p>
      <p className="chart-tooltip-value">{t('rate', { rate: format.rate(interval.perDay) })}</p>
      <p>{t('change', { change: format.count(interval.change), days: format.days(interval.elapsedDays) })}</p>
      {interval.startsAtBasis ? <p>{t('fromBasis')}</p> : null}
      {interval.correction ? (
        <p className="chart-tooltip-flag">{t('correction', { change: format.count(-interval.change) })}</p>
      ) : null}
      {interval.provisional ? <p className="chart-tooltip-flag">{t('provisional')}</p> : null}
      <p className="chart-tooltip-source">
        <ChartSourceNote source={interval.source} inTooltip />
      </p>
    </div>
  );
}
