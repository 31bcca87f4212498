'use client';

// What one instant of the cumulative chart holds, in words: every figure with its source, every
// statement with the arithmetic of its day, every event, and the lines' values at the deadline.

import { useTranslations } from 'next-intl';
import type { CumulativeChartRow, StatementMarker } from '@/lib/chart-data/cumulative-chart-data';
import { ChartSourceNote } from './chart-source';
import type { ChartFormat } from './use-chart-format';

export function CumulativeTooltip({
  row,
  deadlineLastDay,
  format,
}: {
  row: CumulativeChartRow | undefined;
  deadlineLastDay: number;
  format: ChartFormat;
}) {
  const t = useTranslations('Charts.tooltip');
  if (!row) return null;
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-when">{format.instant(row.t)}</p>
      {row.isBasisStart && row.figures.length === 0 ? <p>{t('basisStart')}</p> : null}
      {row.figures.map((figure) => (
        <div key={figure.figureId} className="chart-tooltip-item">
          <p className="chart-tooltip-value">{t('figure', { value: format.count(figure.value) })}</p>
          {figure.provisional ? <p className="chart-tooltip-flag">{t('provisional')}</p> : null}
          {figure.latest ? <p className="chart-tooltip-flag">{t('latest')}</p> : null}
          <p>{t('asOf', { date: format.instant(figure.t) })}</p>
          <p className="chart-tooltip-source">
            <ChartSourceNote source={figure.source} inTooltip />
          </p>
        </div>
      ))}
      {row.statements.map((statement) => (
        <StatementDetails key={`${statement.speaker}-${statement.saidAt}`} statement={statement} format={format} />
      ))}
      {row.events.map((event) => (
        <div key={`${event.number}`} className="chart-tooltip-item">
          <p className="chart-tooltip-value">
            {event.number}. {event.title}
          </p>
          {event.dateStated ? null : <p>{t('eventUndated', { date: format.day(Date.parse(event.reportedAt)) })}</p>}
          <p className="chart-tooltip-source">
            <ChartSourceNote source={event.source} inTooltip />
          </p>
        </div>
      ))}
      {row.isDeadline ? (
        <div className="chart-tooltip-item">
          <p className="chart-tooltip-value">{t('deadline', { date: format.day(deadlineLastDay) })}</p>
          {row.projection !== null ? <p>{t('projection', { value: format.count(row.projection) })}</p> : null}
          {row.required !== null ? <p>{t('required', { value: format.count(row.required) })}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function StatementDetails({ statement, format }: { statement: StatementMarker; format: ChartFormat }) {
  const t = useTranslations('Charts.tooltip');
  const hasArithmetic =
    statement.goal !== null && statement.requiredPacePerDay !== null && statement.observedPacePerDay !== null;
  return (
    <div className="chart-tooltip-item chart-tooltip-statement">
      <blockquote>{t('quote', { quote: statement.quote })}</blockquote>
      <p>
        {statement.speakerRole
          ? t('statementBy', { speaker: statement.speaker, role: statement.speakerRole })
          : t('statementByNoRole', { speaker: statement.speaker })}
      </p>
      <p>{t('statementKnown', { value: format.count(statement.value) })}</p>
      <p>
        {hasArithmetic
          ? t('statementArithmetic', {
              required: format.rate(statement.requiredPacePerDay ?? 0),
              goal: format.count(statement.goal ?? 0),
              observed: format.rate(statement.observedPacePerDay ?? 0),
            })
          : t('statementNoArithmetic')}
      </p>
      <p className="chart-tooltip-source">
        <ChartSourceNote source={statement.source} inTooltip />
      </p>
    </div>
  );
}
