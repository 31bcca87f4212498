'use client';

import { useTranslations } from 'next-intl';
import type { DailyRateInterval } from '@/lib/chart-data/daily-chart-data';
import { ChartDataDisclosure, ChartDataTable, type ChartTableColumn } from './chart-data-table';
import { ChartSourceNote } from './chart-source';
import type { ChartFormat } from './use-chart-format';

/** The intervals behind the daily chart, with the same rounding as its tooltips. */
export function DailyChartTable({
  group,
  rows,
  format,
}: {
  group: string;
  rows: readonly DailyRateInterval[];
  format: ChartFormat;
}) {
  const t = useTranslations('Charts.table');
  const columns: ChartTableColumn<DailyRateInterval>[] = [
    {
      key: 'from',
      header: t('from'),
      rowHeader: true,
      cell: (row) => (
        <>
          <time dateTime={row.fromAsOf}>{format.instant(row.from)}</time>
          {row.startsAtBasis ? ` (${t('basisStart')})` : null}
        </>
      ),
    },
    { key: 'to', header: t('to'), cell: (row) => <time dateTime={row.toAsOf}>{format.instant(row.to)}</time> },
    { key: 'change', header: t('change'), numeric: true, cell: (row) => format.count(row.change) },
    { key: 'days', header: t('days'), numeric: true, cell: (row) => format.days(row.elapsedDays) },
    { key: 'perDay', header: t('perDay'), numeric: true, cell: (row) => format.rate(row.perDay) },
    {
      key: 'status',
      header: t('status'),
      cell: (row) =>
        [row.correction ? t('correction') : null, row.provisional ? t('statusProvisional') : null]
          .filter(Boolean)
          .join(', '),
    },
    { key: 'source', header: t('source'), wraps: true, cell: (row) => <ChartSourceNote source={row.source} /> },
  ];
  return (
    <ChartDataDisclosure rowCount={rows.length}>
      <ChartDataTable
        caption={t('intervalsCaption', { group })}
        columns={columns}
        rows={rows}
        rowKey={(row) => `${row.from}-${row.to}`}
      />
    </ChartDataDisclosure>
  );
}
