import { useFormatter, useTranslations } from 'next-intl';
import type { AdminRevisionDto } from '@/lib/data/admin-figures';

/** One revision of a figure: its value and status, what it counts, its source, why it changed. */
export function RevisionItem({ revision, timeZone }: { revision: AdminRevisionDto; timeZone: string }) {
  const t = useTranslations('AdminHistory');
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const day = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeZone });
  const { source } = revision;
  return (
    <li className={`revision revision-${revision.status}`} data-revision={revision.id} data-status={revision.status}>
      <p className="revision-headline">
        <span className="revision-value">{format.number(revision.value)}</span>{' '}
        <span className={`status-badge status-${revision.status}`}>{t(`status.${revision.status}`)}</span>
        {revision.provisional ? <span className="status-badge status-provisional">{t('provisional')}</span> : null}
        <span className="muted"> {t('revisionNumber', { id: revision.id })}</span>
      </p>
      <dl className="revision-details">
        <dt>{t('asOf')}</dt>
        <dd>{when(revision.asOf)}</dd>
        <dt>{t('counts')}</dt>
        <dd>
          {revision.kind === 'cumulative'
            ? t('cumulativeSince', { date: day(revision.basisStart ?? revision.asOf) })
            : t('window', { from: when(revision.windowStart ?? revision.asOf), to: when(revision.windowEnd ?? revision.asOf) })}
        </dd>
        <dt>{t('source')}</dt>
        <dd>
          {source.publisher}
          {source.via ? `, ${t('via', { outlet: source.via })}` : null}:{' '}
          {source.url ? (
            <a href={source.url} rel="noopener noreferrer">
              {source.title}
            </a>
          ) : (
            <cite>{source.title}</cite>
          )}
          {source.publishedAt ? ` (${t('published', { date: day(source.publishedAt) })})` : null}
          {source.quote ? <q className="revision-quote">{source.quote}</q> : null}
        </dd>
        {revision.correctionReason ? (
          <>
            <dt>{revision.status === 'retracted' ? t('retractionReason') : t('reason')}</dt>
            <dd>{revision.correctionReason}</dd>
          </>
        ) : null}
        <dt>{t('recorded')}</dt>
        <dd>
          {revision.recordedBy
            ? t('recordedBy', { at: when(revision.recordedAt), who: revision.recordedBy, via: revision.recordedVia ?? '' })
            : t('recordedUnknown', { at: when(revision.recordedAt) })}
        </dd>
      </dl>
    </li>
  );
}
