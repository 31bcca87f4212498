import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { AdminOperationDto } from '@/lib/data/admin-figures';
import { dayInZone } from '@/lib/view-params';
import { utcOffsetLabel } from '../dates';
import type { FormAction } from './forms/admin-form';
import { FigureAddForm } from './forms/figure-add-form';
import { EventForm, StatementForm, TargetForm } from './forms/timeline-forms';
import { FigureHistory } from './figure-history';

export interface OperationEditorActions {
  addFigure: FormAction;
  correctFigure: FormAction;
  retractFigure: FormAction;
  addTarget: FormAction;
  addEvent: FormAction;
  addStatement: FormAction;
}

/** The admin page of one operation: add a figure, every figure's history, the timeline forms. */
export function AdminOperationEditor({ data, actions }: { data: AdminOperationDto; actions: OperationEditorActions }) {
  const t = useTranslations('AdminOperation');
  const { operation, groups } = data;
  const { slug, timeZone } = operation;
  const common = { operation: slug, timeZone };
  return (
    <>
      <p className="muted">
        {t('timesNote', { timeZone, offset: utcOffsetLabel(timeZone, new Date(operation.startsAt)) })}{' '}
        <Link href={`/operations/${slug}`}>{t('publicPage')}</Link>
      </p>
      <section className="panel admin-section" aria-labelledby="add-figure">
        <h2 id="add-figure">{t('addFigure')}</h2>
        <FigureAddForm
          action={actions.addFigure}
          groups={groups}
          basisDefault={dayInZone(new Date(operation.startsAt), timeZone)}
          {...common}
        />
      </section>
      <section className="admin-section" aria-labelledby="figures">
        <h2 id="figures">{t('figures')}</h2>
        <FigureHistory figures={data.figures} correct={actions.correctFigure} retract={actions.retractFigure} {...common} />
      </section>
      <section className="admin-section" aria-labelledby="timeline">
        <h2 id="timeline">{t('timeline')}</h2>
        <p className="muted">{t('timelineCounts', data.counts)}</p>
        <details className="panel timeline-form">
          <summary>{t('addTarget')}</summary>
          <TargetForm action={actions.addTarget} groups={groups} {...common} />
        </details>
        <details className="panel timeline-form">
          <summary>{t('addEvent')}</summary>
          <EventForm action={actions.addEvent} {...common} />
        </details>
        <details className="panel timeline-form">
          <summary>{t('addStatement')}</summary>
          <StatementForm action={actions.addStatement} groups={groups} {...common} />
        </details>
      </section>
    </>
  );
}
