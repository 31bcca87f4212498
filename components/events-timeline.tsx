import { useFormatter, useTranslations } from 'next-intl';
import type { EventDto } from '@/lib/data/dto';
import { SourceNote } from './source-note';

/** Dated annotations, oldest first; an event reported without its date says so. */
export function EventsTimeline({ events, timeZone }: { events: EventDto[]; timeZone: string }) {
  const t = useTranslations('Operation');
  const format = useFormatter();
  const longDay = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'long', timeZone });
  if (events.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="events-heading">
      <h2 id="events-heading">{t('events')}</h2>
      <ol className="timeline">
        {events.map((event) => (
          <li key={`${event.title}-${event.reportedAt}`}>
            <p className="timeline-date">
              {event.occurredAt ? (
                <time dateTime={event.occurredAt}>{longDay(event.occurredAt)}</time>
              ) : (
                t('eventDateUnknown', { date: longDay(event.reportedAt) })
              )}
            </p>
            <p className="timeline-title">{event.title}</p>
            {event.description ? <p>{event.description}</p> : null}
            <SourceNote source={event.source} timeZone={timeZone} />
          </li>
        ))}
      </ol>
    </section>
  );
}
