'use client';

// The numbers behind the cumulative chart: every figure (value, as-of, status, source) and every
// statement point, formatted exactly as the chart's tooltips format them.

import { useTranslations } from 'next-intl';
import type { FigurePoint, StatementMarker } from '@/lib/chart-data/cumulative-chart-data';
import { ChartDataDisclosure, ChartDataTable, type ChartTableColumn } from './chart-data-table';
import { ChartSourceNote } from './chart-source';
import type { ChartFormat } from './use-chart-format';

export interface FigureTableProps {
  group: string;
  rows: readonly FigurePoint[];
  /** Figures in the whole series when `rows` is only part of it. */
  totalCount?: number;
  onShowAll?: () => void;
  statements: readonly StatementMarker[];
  format: ChartFormat;
}

export function CumulativeChartTables({ group, rows, totalCount, onShowAll, statements, format }: FigureTableProps) {
  const t = useTranslations('Charts.table');
  const figureColumns: ChartTableColumn<FigurePoint>[] = [
    { key: 'asOf', header: t('asOf'), rowHeader: true, cell: (row) => <time dateTime={row.asOf}>{format.instant(row.t)}</time> },
    { key: 'value', header: t('evacuated'), numeric: true, cell: (row) => format.count(row.value) },
    {
      key: 'status',
      header: t('status'),
      cell: (row) =>
        [row.provisional ? t('statusProvisional') : t('statusConfirmed'), row.latest ? t('statusLatest') : null]
          .filter(Boolean)
          .join(', '),
    },
    { key: 'source', header: t('source'), wraps: true, cell: (row) => <ChartSourceNote source={row.source} /> },
  ];
  const na = t('notAvailable');
  const statementColumns: ChartTableColumn<StatementMarker>[] = [
    { key: 'saidAt', header: t('saidOn'), rowHeader: true, cell: (row) => <time dateTime={row.saidAt}>{format.instant(row.t)}</time> },
    { key: 'speaker', header: t('speaker'), cell: (row) => row.speaker },
    { key: 'known', header: t('knownThen'), numeric: true, cell: (row) => format.count(row.value) },
    {
      key: 'required',
      header: t('required'),
      numeric: true,
      cell: (row) => (row.requiredPacePerDay === null ? na : format.rate(row.requiredPacePerDay)),
    },
    {
      key: 'observed',
      header: t('observed'),
      numeric: true,
      cell: (row) => (row.observedPacePerDay === null ? na : format.rate(row.observedPacePerDay)),
    },
    { key: 'source', header: t('source'), wraps: true, cell: (row) => <ChartSourceNote source={row.source} /> },
  ];
  return (
    <ChartDataDisclosure rowCount={(totalCount ?? rows.length) + statements.length}>
      <ChartDataTable
        caption={t('figuresCaption', { group })}
        columns={figureColumns}
        rows={rows}
        rowKey={(row) => String(row.figureId)}
        totalCount={totalCount}
        onShowAll={onShowAll}
      />
      {statements.length > 0 ? (
        <ChartDataTable
          caption={t('statementsCaption')}
          columns={statementColumns}
          rows={statements}
          rowKey={(row) => `${row.speaker}-${row.saidAt}`}
        />
      ) : null}
    </ChartDataDisclosure>
  );
}
