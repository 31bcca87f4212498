'use client';
// The answer to a check or an import: why the file was refused, or a summary, the errors in
// `row N: column: message` form, and the table of every row.
import { useTranslations } from 'next-intl';
import type { ShownReport } from '@/lib/csv/import/action-state';
import type { RowReport } from '@/lib/csv/import/report';
import { ImportRowsTable } from './import-rows-table';

/** Errors listed above the table; the table shows them all. */
const ERRORS_LISTED = 50;

export function ImportReportView({ report, intent }: { report: ShownReport; intent: 'preview' | 'commit' }) {
  const t = useTranslations('Import');
  switch (report.status) {
    case 'not_found':
      return <p role="alert" className="notice notice-error">{t('notFound', { operation: report.operation })}</p>;
    case 'changed':
      return <p role="alert" className="notice notice-error">{t('changed')}</p>;
    case 'refused':
      return (
        <section className="import-report notice notice-error" role="alert" aria-labelledby="import-refused">
          <h2 id="import-refused">{t('refusedHeading')}</h2>
          <ul>
            {report.refusals.map((refusal) => (
              <li key={refusal.code}>{refusal.message}</li>
            ))}
          </ul>
          <p>{t('refusedNote')}</p>
        </section>
      );
    case 'checked':
    case 'committed': {
      const committed = report.status === 'committed';
      const { counts } = report;
      return (
        <section className="import-report" aria-labelledby="import-report-heading">
          <h2 id="import-report-heading">
            {committed ? t('committedHeading', { file: report.file.name }) : t('checkedHeading', { file: report.file.name })}
          </h2>
          <div role={intent === 'commit' && !committed ? 'alert' : 'status'} className={verdictClass(report)}>
            {committed ? (
              <p>{t('committed', { added: report.added, skipped: report.skipped })}</p>
            ) : (
              <>
                <p>{t('summary', { rows: counts.rows, ok: counts.ok, present: counts.present, errors: counts.error })}</p>
                <p>{nextStep(report, t)}</p>
              </>
            )}
          </div>
          {report.file.hxl ? <p className="muted">{t('hxlFound')}</p> : null}
          {!committed && counts.error > 0 ? <ErrorList rows={report.rows} /> : null}
          <ImportRowsTable
            rows={report.rows}
            fileName={report.file.name}
            committed={committed}
            truncated={report.rowsTruncated ? { rows: counts.rows, shown: report.rows.length } : null}
          />
        </section>
      );
    }
  }
}

type Translate = ReturnType<typeof useTranslations<'Import'>>;

function nextStep(report: Extract<ShownReport, { status: 'checked' }>, t: Translate): string {
  if (report.commitRefused) return t('commitRefused');
  if (report.counts.error > 0) return t('fixErrors');
  if (report.counts.ok === 0) return t('nothingToAdd');
  return t('readyToCommit');
}

function verdictClass(report: Extract<ShownReport, { status: 'checked' | 'committed' }>): string {
  if (report.status === 'committed') return 'notice notice-ok';
  return report.counts.error > 0 ? 'notice notice-error' : 'notice';
}

function ErrorList({ rows }: { rows: readonly RowReport[] }) {
  const t = useTranslations('Import');
  const messages = rows.flatMap((row) =>
    row.errors.map((error) =>
      error.field
        ? t('rowError', { row: row.row, field: error.field, message: error.message })
        : t('rowErrorNoField', { row: row.row, message: error.message }),
    ),
  );
  const listed = messages.slice(0, ERRORS_LISTED);
  const more = messages.length - listed.length;
  return (
    <div className="import-errors">
      <h3>{t('errorList')}</h3>
      <ul>
        {listed.map((message, at) => (
          <li key={at}>{message}</li>
        ))}
      </ul>
      {more > 0 ? <p className="muted">{t('moreErrors', { count: more })}</p> : null}
    </div>
  );
}
