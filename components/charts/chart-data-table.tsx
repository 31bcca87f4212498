'use client';

// The data behind a chart, one click away. Rows come in as props so that, for a very long
// series, the page can pass the first part (or the thinned points) with `totalCount` and fetch
// the rest when asked (`onShowAll`), without this component knowing where rows come from.

import { useState, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';

export interface ChartTableColumn<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned in left-to-right text (end-aligned), with tabular digits. */
  numeric?: boolean;
  /** The cell that names the row for screen readers (a th with scope="row"). */
  rowHeader?: boolean;
  /** Long text (a source): wraps within a fixed width while the other columns stay on one line. */
  wraps?: boolean;
}

export interface ChartDataTableProps<Row> {
  caption: string;
  columns: readonly ChartTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Rows in the whole data set, when `rows` is only part of it. */
  totalCount?: number;
  /** Offered as a button while `rows` is only part of the data set. */
  onShowAll?: () => void;
}

export function ChartDataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  totalCount,
  onShowAll,
}: ChartDataTableProps<Row>) {
  const t = useTranslations('Charts.table');
  const total = totalCount ?? rows.length;
  const partial = rows.length < total;
  return (
    <div className="chart-table">
      {/* The box scrolls, not the page: a wide table must not push a 375 px screen sideways. */}
      <div className="chart-table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table>
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} scope="col" className={columnClass(column)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length}>{t('empty')}</td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => {
                    const className = columnClass(column);
                    return column.rowHeader ? (
                      <th key={column.key} scope="row" className={className}>
                        {column.cell(row)}
                      </th>
                    ) : (
                      <td key={column.key} className={className}>
                        {column.cell(row)}
                      </td>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {partial ? (
        <p className="chart-table-partial">
          {t('showing', { shown: rows.length, total })}{' '}
          {onShowAll ? (
            <button type="button" onClick={onShowAll}>
              {t('showAll', { total })}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The disclosure around a chart's tables: closed by default, one click to open. The tables are
 * built only once it is opened: a thinned series still has 1,500 rows per table, which would
 * otherwise cost seconds on every render of a page that most readers never open them on.
 */
export function ChartDataDisclosure({ rowCount, children }: { rowCount: number; children: ReactNode }) {
  const t = useTranslations('Charts.table');
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('show', { count: rowCount })}</summary>
      {open ? children : null}
    </details>
  );
}

function columnClass<Row>(column: ChartTableColumn<Row>): string | undefined {
  if (column.numeric) return 'numeric';
  return column.wraps ? 'wraps' : undefined;
}
