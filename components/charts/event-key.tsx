'use client';

import { useTranslations } from 'next-intl';
import type { EventMarker } from '@/lib/chart-data/cumulative-chart-data';
import type { ChartFormat } from './use-chart-format';

/**
 * What the numbered event marks stand for. On the chart they are only numbers, since titles
 * would collide on a narrow screen; this list names them, in the same order.
 */
export function EventKey({ events, format }: { events: readonly EventMarker[]; format: ChartFormat }) {
  const t = useTranslations('Charts.events');
  const tMarks = useTranslations('Charts.marks');
  if (events.length === 0) return null;
  return (
    <div className="chart-event-key">
      <p className="chart-event-key-heading">{t('heading')}</p>
      <ol>
        {events.map((event) => (
          <li key={event.number} value={event.number}>
            <span className="chart-event-number" aria-hidden="true">
              {event.dateStated ? event.number : tMarks('eventUndated', { number: event.number })}
            </span>{' '}
            {event.title} (
            {event.dateStated
              ? t('dated', { date: format.day(event.t) })
              : t('undated', { date: format.day(Date.parse(event.reportedAt)) })}
            )
          </li>
        ))}
      </ol>
    </div>
  );
}
