'use client';
// Every row of the file with its result, as a table: the row number heads each row (as a
// spreadsheet numbers it, so the editor finds it in the file), the result is spelled out, never
// shown by colour alone.
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import type { RowReport } from '@/lib/csv/import/report';

export interface ImportRowsTableProps {
  rows: readonly RowReport[];
  fileName: string;
  committed: boolean;
  truncated: { rows: number; shown: number } | null;
}

export function ImportRowsTable({ rows, fileName, committed, truncated }: ImportRowsTableProps) {
  const t = useTranslations('Import');
  const captionId = useId();
  const resultText = (row: RowReport) =>
    row.result === 'ok' ? t(committed ? 'result.added' : 'result.ok') : t(row.result === 'present' ? 'result.present' : 'result.error');
  return (
    <div className="import-table">
      {truncated ? <p className="muted">{t('tableTruncated', truncated)}</p> : null}
      {/* The box scrolls, not the page; focusable so a keyboard can scroll it. */}
      <div className="import-table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table>
          <caption id={captionId}>{t('tableCaption', { file: fileName })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.row')}</th>
              <th scope="col">{t('columns.revision')}</th>
              <th scope="col">{t('columns.group')}</th>
              <th scope="col" className="numeric">{t('columns.value')}</th>
              <th scope="col">{t('columns.asOf')}</th>
              <th scope="col">{t('columns.result')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} className={`import-row-${row.result}`}>
                <th scope="row" className="numeric">{row.row}</th>
                <td>{row.revisionId}</td>
                <td>{row.group}</td>
                <td className="numeric">{row.value}</td>
                <td>{row.asOf}</td>
                <td className="import-result">
                  <span className={`import-badge import-badge-${row.result}`}>{resultText(row)}</span>
                  {row.errors.length > 0 ? (
                    <ul>
                      {row.errors.map((error, at) => (
                        <li key={at}>{error.field ? t('cellError', { field: error.field, message: error.message }) : error.message}</li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
