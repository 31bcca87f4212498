import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { OperationDashboard } from '@/lib/data/dto';
import { utcOffsetLabel } from './dates';
import { EventsTimeline } from './events-timeline';
import { GoalsList } from './goals-list';
import { KeyFigures } from './key-figures';
import { StatementsList } from './statements-list';
import { VerdictSentence } from './verdict-sentence';

/** The operation page: key figures, verdict, charts (as children), goals, statements, timeline. */
export function OperationView({
  dashboard,
  children,
}: {
  dashboard: OperationDashboard;
  children?: ReactNode;
}) {
  const t = useTranslations('Operation');
  const { operation, feasibility } = dashboard;
  const timeZone = operation.timeZone;
  const assessment = feasibility?.againstHigh ?? null;
  return (
    <article className="operation">
      <header className="operation-header">
        <h1>{operation.name}</h1>
        {operation.description ? <p className="lede">{operation.description}</p> : null}
        <p className="muted">
          {t('timesNote', {
            timeZone: timeZone.split('/').pop()?.replace(/_/g, ' ') ?? timeZone,
            offset: utcOffsetLabel(timeZone, new Date(operation.deadline)),
          })}
        </p>
      </header>
      {assessment ? <VerdictSentence assessment={assessment} timeZone={timeZone} /> : null}
      <KeyFigures
        latest={dashboard.latestFigure}
        target={dashboard.target}
        assessment={assessment}
        timeZone={timeZone}
      />
      {children}
      <div className="panels">
        <StatementsList statements={dashboard.statements} timeZone={timeZone} />
        <GoalsList targets={dashboard.targets} timeZone={timeZone} />
        <EventsTimeline events={dashboard.events} timeZone={timeZone} />
      </div>
    </article>
  );
}
